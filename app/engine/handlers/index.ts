/** django.core.handlers: the base handler, WSGI and ASGI requests and handlers, and the fetch bridge. */
export { async_in_sync_error, BaseHandler } from './base.ts'
export type { MiddlewareFactory } from './base.ts'
export { convert_exception_to_response, response_for_exception } from './exception.ts'
export type { Handler } from './exception.ts'
export { get_path_info, get_script_name, LimitedStream, WSGIRequest } from './wsgi.ts'
export type { WSGIRequestOptions, WsgiEnviron, WsgiInput } from './wsgi.ts'
export { ASGIHandler, ASGIRequest, get_asgi_application } from './asgi.ts'
export type {
  AsgiBodyFile,
  AsgiMessage,
  AsgiReceive,
  AsgiReceiveMessage,
  AsgiScope,
  AsgiSend,
  AsgiSendMessage,
  ASGIRequestOptions,
} from './asgi.ts'
export { fetch_handler, request_scope } from './fetch.ts'
export type { FetchHandlerOptions } from './fetch.ts'
