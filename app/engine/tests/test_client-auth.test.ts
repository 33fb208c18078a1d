/** Django's ClientTest, continued: login, force_login, logout, permissions and the session through the sync Client. */
// django: tests/test_client/tests.py (ClientTest's login, logout, permission and session tests)
// Skipped: the *method* views (method_decorator), the file session engine and INSTALLED_APPS variants.
import { beforeEach, describe, expect, it } from 'vitest'
import { User } from '../auth/models.ts'
import { with_settings } from '../conf/context.ts'
import type { Settings } from '../conf/settings.ts'
import { ImportError, KeyError } from '../core/exceptions.ts'
import { Database, set_database } from '../db/connection.ts'
import { Client } from '../testing/client.ts'
import { assertRedirects, text } from './fixtures/test_client/assertions.ts'
import { site_settings } from './fixtures/test_client/urls.ts'

const settings = site_settings('test_client.urls')
const with_backends = (...AUTHENTICATION_BACKENDS: string[]) => site_settings('test_client.urls', { AUTHENTICATION_BACKENDS })

let u1: User
let u2: User

beforeEach(() => {
  set_database(new Database())
  with_settings(settings, () => {
    u1 = User.objects.create_user('testclient', null, 'password')
    u2 = User.objects.create_user('inactive', null, 'password', { is_active: false })
  })
})

function run(fn: (client: Client) => void, using: Settings = settings): () => void {
  return () => with_settings(using, () => fn(new Client()))
}

const LOGIN_REDIRECT = '/accounts/login/?next=/login_protected_view/'

function expect_logged_in_as(client: Client, username: string, path = '/login_protected_view/'): void {
  const response = client.get(path)
  expect(response.status_code).toBe(200)
  expect(text(response)).toBe(`This is a login protected test. Username is ${username}.`)
}

describe('ClientTest', () => {
  it('test_view_with_login', run((client) => {
    // Not logged in: a redirect to the login page.
    assertRedirects(client.get('/login_protected_view/'), LOGIN_REDIRECT)
    expect(client.login({ username: 'testclient', password: 'password' })).toBe(true)
    expect_logged_in_as(client, 'testclient')
  }))

  it('test_view_with_force_login', run((client) => {
    assertRedirects(client.get('/login_protected_view/'), LOGIN_REDIRECT)
    client.force_login(u1)
    expect_logged_in_as(client, 'testclient')
  }))

  it('test_view_with_login_and_custom_redirect', run((client) => {
    const path = '/login_protected_view_custom_redirect/'
    assertRedirects(client.get(path), `/accounts/login/?redirect_to=${path}`)
    expect(client.login({ username: 'testclient', password: 'password' })).toBe(true)
    expect_logged_in_as(client, 'testclient', path)
  }))

  it('test_view_with_force_login_and_custom_redirect', run((client) => {
    const path = '/login_protected_view_custom_redirect/'
    assertRedirects(client.get(path), `/accounts/login/?redirect_to=${path}`)
    client.force_login(u1)
    expect_logged_in_as(client, 'testclient', path)
  }))

  it('test_view_with_bad_login', run((client) => {
    expect(client.login({ username: 'otheruser', password: 'nopassword' })).toBe(false)
  }))

  it('test_view_with_inactive_login', run((client) => {
    // An inactive user may log in only if the backend allows it.
    const credentials = { username: 'inactive', password: 'password' }
    expect(client.login(credentials)).toBe(false)
    with_settings(with_backends('django.contrib.auth.backends.AllowAllUsersModelBackend'), () => {
      expect(client.login(credentials)).toBe(true)
    })
  }))

  it(
    'test_view_with_inactive_force_login',
    run(
      (client) => {
        assertRedirects(client.get('/login_protected_view/'), LOGIN_REDIRECT)
        client.force_login(u2, 'django.contrib.auth.backends.AllowAllUsersModelBackend')
        expect_logged_in_as(client, 'inactive')
      },
      with_backends('django.contrib.auth.backends.ModelBackend', 'django.contrib.auth.backends.AllowAllUsersModelBackend'),
    ),
  )

  it('test_logout', run((client) => {
    client.login({ username: 'testclient', password: 'password' })
    expect_logged_in_as(client, 'testclient')
    client.logout()
    assertRedirects(client.get('/login_protected_view/'), LOGIN_REDIRECT)
  }))

  it('test_logout_with_force_login', run((client) => {
    client.force_login(u1)
    expect_logged_in_as(client, 'testclient')
    client.logout()
    assertRedirects(client.get('/login_protected_view/'), LOGIN_REDIRECT)
  }))

  it(
    'test_force_login_with_backend',
    run(
      (client) => {
        assertRedirects(client.get('/login_protected_view/'), LOGIN_REDIRECT)
        client.force_login(u1, 'test_client.auth_backends.TestClientBackend')
        expect((u1 as User & { backend?: string }).backend).toBe('test_client.auth_backends.TestClientBackend')
        expect_logged_in_as(client, 'testclient')
      },
      with_backends('django.contrib.auth.backends.ModelBackend', 'test_client.auth_backends.TestClientBackend'),
    ),
  )

  it(
    'test_force_login_without_backend',
    run(
      (client) => {
        // With several backends and none given, the first one is used.
        client.force_login(u1)
        expect_logged_in_as(client, 'testclient')
        expect((u1 as User & { backend?: string }).backend).toBe('django.contrib.auth.backends.ModelBackend')
      },
      with_backends('django.contrib.auth.backends.ModelBackend', 'test_client.auth_backends.TestClientBackend'),
    ),
  )

  it(
    'test_force_login_with_backend_missing_get_user',
    run(
      (client) => {
        // Backends without get_user() are skipped.
        client.force_login(u1)
        expect((u1 as User & { backend?: string }).backend).toBe('django.contrib.auth.backends.ModelBackend')
      },
      with_backends('test_client.auth_backends.BackendWithoutGetUserMethod', 'django.contrib.auth.backends.ModelBackend'),
    ),
  )

  it(
    'test_logout_cookie_sessions',
    run(
      (client) => {
        client.login({ username: 'testclient', password: 'password' })
        expect_logged_in_as(client, 'testclient')
        client.logout()
        assertRedirects(client.get('/login_protected_view/'), LOGIN_REDIRECT)
      },
      site_settings('test_client.urls', { SESSION_ENGINE: 'django.contrib.sessions.backends.signed_cookies' }),
    ),
  )

  it('test_view_with_permissions', run((client) => {
    const redirect = '/accounts/login/?next=/permission_protected_view/'
    assertRedirects(client.get('/permission_protected_view/'), redirect)
    expect(client.login({ username: 'testclient', password: 'password' })).toBe(true)
    // Logged in without the permission: still a redirect.
    assertRedirects(client.get('/permission_protected_view/'), redirect)
  }))

  it('test_view_with_permissions_exception', run((client) => {
    expect(client.get('/permission_protected_view_exception/').status_code).toBe(403)
    expect(client.login({ username: 'testclient', password: 'password' })).toBe(true)
    expect(client.get('/permission_protected_view_exception/').status_code).toBe(403)
  }))

  it('test_session_modifying_view', run((client) => {
    expect(() => client.session.getitem('tobacconist')).toThrow(KeyError)
    client.post('/session_view/')
    expect(client.session.getitem('tobacconist')).toBe('hovercraft')
  }))

  it(
    'test_session_engine_is_invalid',
    run(
      (client) => {
        expect(() => client.session).toThrow(ImportError)
        expect(() => client.session).toThrow('nonexistent')
      },
      site_settings('test_client.urls', { SESSION_ENGINE: 'django.contrib.sessions.backends.nonexistent' }),
    ),
  )
})

describe('Client sessions and logins (spec §1.13)', () => {
  it('client.session is a new store on each access; unsaved changes are lost', run((client) => {
    const first = client.session
    expect(client.session).not.toBe(first)
    expect(client.session.session_key).toBe(first.session_key)
    first.setitem('unsaved', 1)
    expect(client.session.has('unsaved')).toBe(false)
    first.save()
    expect(client.session.getitem('unsaved')).toBe(1)
  }))

  it('force_login() of an inactive user: ModelBackend hides them from later requests', run((client) => {
    client.force_login(u2)
    assertRedirects(client.get('/login_protected_view/'), LOGIN_REDIRECT)
  }))

  it('login() keeps the session key in the jar and cycles it', run((client) => {
    const before = client.session.session_key
    expect(client.login({ username: 'testclient', password: 'password' })).toBe(true)
    const after = client.cookies.get('sessionid')!.value
    expect(after).not.toBe(before)
    expect(client.session.getitem('_auth_user_id')).toBe(String(u1.pk))
  }))
})
