/** Django's test_client_regress tests: redirect chains, sessions, cookies, query strings, bodies, encodings, headers. */
// django: tests/test_client_regress/tests.py
// Skipped: template, context and form assertions (AssertContainsTests, AssertTemplateUsedTests,
// AssertFormErrorTests, ContextTests, TemplateExceptionTests), custom user models (test_logout_with_custom_user,
// test_logout_with_custom_auth_backend), and assertRedirects' own failure messages.
import { beforeEach, describe, expect, it } from 'vitest'
import { User } from '../auth/models.ts'
import { user_logged_in, user_logged_out } from '../auth/signals.ts'
import { with_settings } from '../conf/context.ts'
import type { Settings } from '../conf/settings.ts'
import { Database, set_database } from '../db/connection.ts'
import type { SignalKwargs } from '../dispatch/dispatcher.ts'
import { Client, type ClientResponse } from '../testing/client.ts'
import { RedirectCycleError } from '../testing/redirects.ts'
import { reverse } from '../urls/base.ts'
import { assertRedirects, text } from './fixtures/test_client/assertions.ts'
import { CustomTestException } from './fixtures/test_client/regress.ts'
import { site_settings } from './fixtures/test_client/urls.ts'

const settings = site_settings('test_client_regress.urls')

beforeEach(() => {
  set_database(new Database())
  // TestDataMixin's users.
  with_settings(settings, () => {
    User.objects.create_user('testclient', null, 'password')
    User.objects.create_user('staff', null, 'password', { is_staff: true })
  })
})

function run(fn: (client: Client) => void, using: Settings = settings): () => void {
  return () => with_settings(using, () => fn(new Client()))
}

function cycle_error(fn: () => unknown): RedirectCycleError {
  try {
    fn()
  } catch (error) {
    if (error instanceof RedirectCycleError) return error
    throw error
  }
  throw new Error('RedirectCycleError not raised')
}

describe('AssertRedirectsTests', () => {
  it('test_redirect_chain', run((client) => {
    const response = client.get('/redirects/further/more/', {}, { follow: true })
    assertRedirects(response, '/no_template_view/', { status_code: 302, target_status_code: 200 })
    expect(response.redirect_chain).toEqual([['/no_template_view/', 302]])
  }))

  it('test_multiple_redirect_chain', run((client) => {
    const response = client.get('/redirects/', {}, { follow: true })
    assertRedirects(response, '/no_template_view/', { status_code: 302, target_status_code: 200 })
    expect(response.redirect_chain).toEqual([
      ['/redirects/further/', 302],
      ['/redirects/further/more/', 302],
      ['/no_template_view/', 302],
    ])
  }))

  it('test_redirect_chain_to_non_existent', run((client) => {
    const response = client.get('/redirect_to_non_existent_view2/', {}, { follow: true })
    assertRedirects(response, '/non_existent_view/', { status_code: 302, target_status_code: 404 })
  }))

  it('test_redirect_chain_to_self', run((client) => {
    const error = cycle_error(() => client.get('/redirect_to_self/', {}, { follow: true }))
    expect(error.message).toBe('Redirect loop detected.')
    // The chain stops once the cycle is detected.
    const response = error.last_response as ClientResponse
    assertRedirects(response, '/redirect_to_self/', { status_code: 302, target_status_code: 302 })
    expect(response.redirect_chain).toHaveLength(2)
    expect(error.redirect_chain).toBe(response.redirect_chain)
  }))

  it('test_redirect_to_self_with_changing_query', run((client) => {
    const error = cycle_error(() =>
      client.get('/redirect_to_self_with_changing_query_view/', { counter: '0' }, { follow: true }),
    )
    // The URL never repeats, so the limit of 20 stops it.
    expect(error.message).toBe('Too many redirects.')
    expect(error.redirect_chain).toHaveLength(21)
  }))

  it('test_circular_redirect', run((client) => {
    const error = cycle_error(() => client.get('/circular_redirect_1/', {}, { follow: true }))
    const response = error.last_response
    assertRedirects(response, '/circular_redirect_2/', { status_code: 302, target_status_code: 302 })
    expect(error.redirect_chain.map(([url]) => url)).toEqual([
      '/circular_redirect_2/',
      '/circular_redirect_3/',
      '/circular_redirect_1/',
      '/circular_redirect_2/',
    ])
  }))

  it('test_redirect_chain_post', run((client) => {
    const response = client.post('/redirects/', { nothing: 'to_send' }, { follow: true })
    assertRedirects(response, '/no_template_view/')
    expect(response.redirect_chain).toHaveLength(3)
    // 302s are followed with GET.
    expect(response.request.REQUEST_METHOD).toBe('GET')
  }))

  it('test_redirect_chain_head', run((client) => {
    const response = client.head('/redirects/', { nothing: 'to_send' }, { follow: true })
    assertRedirects(response, '/no_template_view/')
    expect(response.redirect_chain).toHaveLength(3)
  }))

  it('test_redirect_chain_options', run((client) => {
    const response = client.options('/redirects/', '', { follow: true })
    assertRedirects(response, '/no_template_view/')
    expect(response.redirect_chain).toHaveLength(3)
  }))

  it('test_redirect_chain_put', run((client) => {
    const response = client.put('/redirects/', '', { follow: true })
    assertRedirects(response, '/no_template_view/')
    expect(response.redirect_chain).toHaveLength(3)
  }))

  it('test_redirect_chain_delete', run((client) => {
    const response = client.delete('/redirects/', '', { follow: true })
    assertRedirects(response, '/no_template_view/')
    expect(response.redirect_chain).toHaveLength(3)
  }))

  it(
    'test_redirect_to_different_host',
    run(
      (client) => {
        // The scheme, host and port of the Location carry over to the next request.
        const response = client.get('/redirect_other_host/', null, { follow: true })
        assertRedirects(response, 'https://otherserver:8443/no_template_view/')
        expect(response.request['wsgi.url_scheme']).toBe('https')
        expect(response.request.SERVER_NAME).toBe('otherserver')
        expect(response.request.SERVER_PORT).toBe('8443')
        expect(response.wsgi_request.get_host()).toBe('otherserver')
        // assertRedirects() can fetch the target on 'otherserver' too.
        assertRedirects(client.get('/redirect_other_host/', null, { follow: false }), 'https://otherserver:8443/no_template_view/')
      },
      site_settings('test_client_regress.urls', { ALLOWED_HOSTS: ['testserver', 'otherserver'] }),
    ),
  )

  it('test_redirect_chain_on_non_redirect_page', run((client) => {
    // The page does not redirect: the chain is empty and assertRedirects fails.
    const response = client.get('/get_view/', null, { follow: true })
    expect(response.status_code).toBe(200)
    expect(response.redirect_chain).toEqual([])
    expect(() => assertRedirects(response, '/get_view/')).toThrow("Response didn't redirect as expected")
  }))

  it('test_redirect_on_non_redirect_page', run((client) => {
    const response = client.get('/get_view/')
    expect(response.status_code).toBe(200)
    expect(response.redirect_chain).toBeUndefined()
    expect(() => assertRedirects(response, '/get_view/')).toThrow("Response didn't redirect as expected")
  }))

  it('test_redirect_scheme', run((client) => {
    for (const follow of [true, false]) {
      for (const secure of [true, false]) {
        // The view always redirects to https.
        const response = client.get('/https_redirect_view/', null, { follow, secure })
        assertRedirects(response, 'https://testserver/secure_view/', { status_code: 302 })
        expect(() => assertRedirects(response, 'http://testserver/secure_view/', { status_code: 302 })).toThrow()
      }
    }
  }))
})

describe('LoginTests', () => {
  it('test_login_different_client', run(() => {
    // A second client logs in; its requests are authenticated, a fresh client's are not.
    const c = new Client()
    expect(c.login({ username: 'testclient', password: 'password' })).toBe(true)
    const response = c.get('/login_protected_redirect_view/')
    // assertRedirects fetches /get_view/ with the response's own client.
    assertRedirects(response, '/get_view/')
    expect(new Client().get('/login_protected_redirect_view/').get('Location')).toBe(
      '/accounts/login/?next=/login_protected_redirect_view/',
    )
  }))
})

describe('SessionEngineTests', () => {
  it(
    'test_login',
    run(
      (client) => {
        // A session engine whose key changes on every save can be used to log in.
        expect(client.login({ username: 'testclient', password: 'password' })).toBe(true)
        const response = client.get('/login_protected_view/')
        expect(response.status_code).toBe(200)
        expect(text(response)).toBe('This is a login protected test. Username is testclient.')
      },
      site_settings('test_client_regress.urls', { SESSION_ENGINE: 'test_client_regress.session' }),
    ),
  )
})

describe('URLEscapingTests', () => {
  it('test_simple_argument_get', run((client) => {
    const response = client.get(reverse('arg_view', { args: ['Slartibartfast'] }))
    expect(response.status_code).toBe(200)
    expect(text(response)).toBe('Howdy, Slartibartfast')
  }))

  it('test_argument_with_space_get', run((client) => {
    const url = reverse('arg_view', { args: ['Arthur Dent'] })
    expect(url).toBe('/arg_view/Arthur%20Dent/')
    expect(text(client.get(url))).toBe('Hi, Arthur')
  }))

  it('test_simple_argument_post', run((client) => {
    const response = client.post(reverse('arg_view', { args: ['Slartibartfast'] }))
    expect(response.status_code).toBe(200)
    expect(text(response)).toBe('Howdy, Slartibartfast')
  }))

  it('test_argument_with_space_post', run((client) => {
    expect(text(client.post(reverse('arg_view', { args: ['Arthur Dent'] })))).toBe('Hi, Arthur')
  }))
})

describe('ExceptionTests', () => {
  it('test_exception_cleared', run((client) => {
    // #5836: a stale exception isn't re-raised by the next request.
    expect(client.login({ username: 'testclient', password: 'password' })).toBe(true)
    expect(() => client.get('/staff_only/')).toThrow(CustomTestException)
    expect(client.exc_info).toBeNull()
    expect(client.login({ username: 'staff', password: 'password' })).toBe(true)
    expect(client.get('/staff_only/').status_code).toBe(200)
  }))
})

describe('UrlconfSubstitutionTests', () => {
  it('test_urlconf_was_changed', run(() => {
    expect(reverse('arg_view', { args: ['somename'] })).toBe('/arg_view/somename/')
  }))
})

describe('SessionTests', () => {
  it('test_session', run((client) => {
    // The session isn't lost when a user logs in.
    expect(text(client.get('/check_session/'))).toBe('NO')
    expect(text(client.get('/set_session/'))).toBe('set_session')
    expect(text(client.get('/check_session/'))).toBe('YES')
    expect(client.login({ username: 'testclient', password: 'password' })).toBe(true)
    expect(text(client.get('/check_session/'))).toBe('YES')
  }))

  it('test_session_initiated', run((client) => {
    const session = client.session
    session.setitem('session_var', 'foo')
    session.save()
    expect(text(client.get('/check_session/'))).toBe('foo')
  }))

  it('test_logout', run((client) => {
    // #9978: logout works whether or not anyone is logged in.
    client.logout()
    expect(client.login({ username: 'testclient', password: 'password' })).toBe(true)
    client.logout()
    client.logout()
  }))

  it('test_logout_with_user', run((client) => {
    const senders: unknown[] = []
    const listener = (kwargs: SignalKwargs) => void senders.push(kwargs.sender)
    user_logged_out.connect(listener)
    try {
      client.login({ username: 'testclient', password: 'password' })
      client.logout()
    } finally {
      user_logged_out.disconnect(listener)
    }
    expect(senders).toEqual([User])
  }))

  it('test_logout_without_user', run((client) => {
    // The signal is sent even when nobody was logged in, with user None.
    const users: unknown[] = []
    const listener = (kwargs: SignalKwargs) => void users.push(kwargs.user)
    user_logged_out.connect(listener)
    try {
      client.login({ username: 'incorrect', password: 'password' })
      client.logout()
    } finally {
      user_logged_out.disconnect(listener)
    }
    expect(users).toEqual([null])
  }))

  it('test_login_with_user', run((client) => {
    let executed = false
    const listener = () => void (executed = true)
    user_logged_in.connect(listener)
    try {
      client.login({ username: 'testclient', password: 'password' })
    } finally {
      user_logged_in.disconnect(listener)
    }
    expect(executed).toBe(true)
  }))

  it('test_login_without_signal', run((client) => {
    let executed = false
    const listener = () => void (executed = true)
    user_logged_in.connect(listener)
    try {
      client.login({ username: 'incorrect', password: 'password' })
    } finally {
      user_logged_in.disconnect(listener)
    }
    expect(executed).toBe(false)
  }))
})
