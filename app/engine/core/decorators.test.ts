/** decorator_from_middleware: the hooks run around one view, in order, for sync and async views. */
// django: tests/utils_tests/test_decorators.py
import { describe, expect, it } from 'vitest'
import { HttpRequest } from '../http/request.ts'
import type { HttpResponseBase } from '../http/response-base.ts'
import { HttpResponse } from '../http/response.ts'
import { iscoroutinefunction } from './coroutines.ts'
import {
  async_only_middleware,
  decorator_from_middleware,
  decorator_from_middleware_with_args,
  sync_and_async_middleware,
  sync_only_middleware,
  type View,
} from './decorators.ts'
import type { GetResponse } from './deprecation.ts'

type Traced = HttpRequest & {
  process_request_reached?: boolean
  process_view_reached?: boolean
  process_template_response_reached?: boolean
  process_response_reached?: boolean
  process_response_content?: Uint8Array
}

class ProcessViewMiddleware {
  constructor(readonly get_response: GetResponse) {}
  process_view(_request: HttpRequest, _view_func: View, _view_args: unknown[], _view_kwargs: Record<string, unknown>) {
    return null
  }
}

const process_view_dec = decorator_from_middleware(ProcessViewMiddleware)
const process_view = process_view_dec((_request: HttpRequest) => new HttpResponse())

class FullMiddleware {
  constructor(readonly get_response: GetResponse) {}
  process_request(request: Traced) {
    request.process_request_reached = true
    return null
  }
  process_view(request: Traced) {
    request.process_view_reached = true
    return null
  }
  process_template_response(request: Traced, response: HttpResponseBase) {
    request.process_template_response_reached = true
    return response
  }
  process_response(request: Traced, response: HttpResponseBase) {
    // Must never see unrendered content.
    request.process_response_content = (response as HttpResponse).content
    request.process_response_reached = true
    return response
  }
}

const full_dec = decorator_from_middleware(FullMiddleware)

/** A TemplateResponse stand-in: content appears on render(), then the post-render callbacks run. */
class FakeTemplateResponse extends HttpResponse {
  _is_rendered = false
  #callbacks: Array<(response: HttpResponseBase) => unknown> = []
  constructor(readonly template_text: string) {
    super()
  }
  render(): this {
    if (!this._is_rendered) {
      this.content = this.template_text
      this._is_rendered = true
      for (const callback of this.#callbacks) callback(this)
    }
    return this
  }
  add_post_render_callback(callback: (response: HttpResponseBase) => unknown): void {
    if (this._is_rendered) callback(this)
    else this.#callbacks.push(callback)
  }
}

describe('DecoratorFromMiddlewareTests', () => {
  it('test_process_view_middleware', () => {
    expect((process_view(new HttpRequest()) as HttpResponse).status_code).toBe(200)
  })

  it('test_callable_process_view_middleware', () => {
    // A callable object as the view (Python's class with __call__): a bound function here.
    const instance = { __call__: (_request: HttpRequest) => new HttpResponse() }
    const class_process_view = process_view_dec(instance.__call__.bind(instance))
    expect((class_process_view(new HttpRequest()) as HttpResponse).status_code).toBe(200)
  })

  it('test_full_dec_normal', () => {
    const normal_view = full_dec((_request: HttpRequest) => new HttpResponse('Hello world'))
    const request: Traced = new HttpRequest()
    normal_view(request)
    expect(request.process_request_reached).toBe(true)
    expect(request.process_view_reached).toBe(true)
    // process_template_response is only for responses that render late.
    expect(request.process_template_response_reached).toBeUndefined()
    expect(request.process_response_reached).toBe(true)
  })

  it('test_full_dec_templateresponse', () => {
    const template_response_view = full_dec((_request: HttpRequest) => new FakeTemplateResponse('Hello world'))
    const request: Traced = new HttpRequest()
    const response = template_response_view(request) as FakeTemplateResponse
    expect(request.process_request_reached).toBe(true)
    expect(request.process_view_reached).toBe(true)
    expect(request.process_template_response_reached).toBe(true)
    expect(response._is_rendered).toBe(false)
    // process_response waits for render() (#16004: csrf_protect needs the final response).
    expect(request.process_response_reached).toBeUndefined()
    response.render()
    expect(request.process_response_reached).toBe(true)
    expect(new TextDecoder().decode(request.process_response_content)).toBe('Hello world')
  })
})

describe('make_middleware_decorator', () => {
  class Recording {
    static log: string[] = []
    constructor(
      readonly get_response: GetResponse,
      readonly tag = 'mw',
    ) {}
    process_request() {
      Recording.log.push(`${this.tag}:request`)
      return null
    }
    process_view(_r: HttpRequest, _v: View, args: unknown[]) {
      Recording.log.push(`${this.tag}:view:${args.join(',')}`)
      return null
    }
    process_exception(_r: HttpRequest, exception: unknown) {
      Recording.log.push(`${this.tag}:exception`)
      return (exception as Error).message === 'handled' ? new HttpResponse('recovered', { status: 500 }) : null
    }
    process_response(_r: HttpRequest, response: HttpResponseBase) {
      Recording.log.push(`${this.tag}:response`)
      return response
    }
  }

  it('passes the view arguments, keeps the name and attributes, and takes middleware arguments', () => {
    Recording.log = []
    const view = Object.assign((_request: HttpRequest, a: string, b: string) => new HttpResponse(a + b), { marker: 1 })
    const tagged = decorator_from_middleware_with_args(Recording)('T')
    const wrapped = tagged(view)
    expect((wrapped(new HttpRequest(), 'x', 'y') as HttpResponse).text).toBe('xy')
    expect(Recording.log).toEqual(['T:request', 'T:view:x,y', 'T:response'])
    expect(wrapped.name).toBe(view.name)
    expect(wrapped.marker).toBe(1)
    expect((wrapped as unknown as { __wrapped__: unknown }).__wrapped__).toBe(view)
  })

  it('a response from process_exception replaces the error without process_response; otherwise it propagates', () => {
    Recording.log = []
    const dec = decorator_from_middleware(Recording)
    const handled = dec((_request: HttpRequest): HttpResponse => {
      throw new Error('handled')
    })
    expect((handled(new HttpRequest()) as HttpResponse).status_code).toBe(500)
    expect(Recording.log).toEqual(['mw:request', 'mw:view:', 'mw:exception'])
    const unhandled = dec((_request: HttpRequest): HttpResponse => {
      throw new Error('boom')
    })
    expect(() => unhandled(new HttpRequest())).toThrow('boom')
  })

  it('a response from process_request short-circuits the view', () => {
    class Blocker {
      constructor(readonly get_response: GetResponse) {}
      process_request() {
        return new HttpResponse('blocked', { status: 403 })
      }
    }
    let called = false
    const view = decorator_from_middleware(Blocker)((_request: HttpRequest) => {
      called = true
      return new HttpResponse()
    })
    expect((view(new HttpRequest()) as HttpResponse).status_code).toBe(403)
    expect(called).toBe(false)
  })

  it('an async view gets an async wrapper that awaits it', async () => {
    Recording.log = []
    const view = decorator_from_middleware(Recording)(async (_request: HttpRequest) => new HttpResponse('async'))
    expect(iscoroutinefunction(view)).toBe(true)
    const response = (await view(new HttpRequest())) as HttpResponse
    expect(response.text).toBe('async')
    expect(Recording.log).toEqual(['mw:request', 'mw:view:', 'mw:response'])
    const failing = decorator_from_middleware(Recording)(async (_request: HttpRequest): Promise<HttpResponse> => {
      throw new Error('handled')
    })
    expect(((await failing(new HttpRequest())) as HttpResponse).status_code).toBe(500)
  })

  it('a sync view keeps a sync wrapper', () => {
    expect(iscoroutinefunction(process_view)).toBe(false)
  })
})

describe('middleware capability markers', () => {
  it('set sync_capable / async_capable as Django does', () => {
    const flags = (f: { sync_capable?: boolean; async_capable?: boolean }) => [f.sync_capable, f.async_capable]
    expect(flags(sync_and_async_middleware(() => null))).toEqual([true, true])
    expect(flags(sync_only_middleware(() => null))).toEqual([true, false])
    expect(flags(async_only_middleware(() => null))).toEqual([false, true])
  })
})
