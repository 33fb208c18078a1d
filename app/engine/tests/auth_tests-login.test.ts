/** Django's login/logout session tests, get_user, AuthenticationMiddleware, signals and the login decorators. */
// django: tests/auth_tests/test_login.py, test_basic.py (TestGetUser), test_views.py (LoginTest, LogoutTest,
// LoginURLSettings, RedirectToLoginTests), test_middleware.py, test_decorators.py, test_signals.py
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { override_settings, with_settings } from '../conf/context.ts'
import { make_settings } from '../conf/settings.ts'
import { iscoroutinefunction } from '../core/coroutines.ts'
import { AttributeError, ImproperlyConfigured, PermissionDenied } from '../core/exceptions.ts'
import { register_import } from '../core/module-loading.ts'
import { catch_warnings } from '../core/warnings.ts'
import { Database, set_database } from '../db/connection.ts'
import type { SignalKwargs } from '../dispatch/dispatcher.ts'
import { HttpRequest } from '../http/request.ts'
import { HttpResponse } from '../http/response.ts'
import type { HttpResponseBase } from '../http/response-base.ts'
import { SessionStore } from '../sessions/backends/db.ts'
import {
  aget_user,
  alogin,
  alogout,
  authenticate,
  BACKEND_SESSION_KEY,
  get_user,
  HASH_SESSION_KEY,
  login,
  logout,
  SESSION_KEY,
  update_session_auth_hash,
  type AuthRequest,
} from '../auth/auth.ts'
import { login_required, permission_required, user_passes_test } from '../auth/decorators.ts'
import { PBKDF2PasswordHasher } from '../auth/hashers.ts'
import { AuthenticationMiddleware } from '../auth/middleware.ts'
import { AnonymousUser, User } from '../auth/models.ts'
import { user_logged_in, user_logged_out } from '../auth/signals.ts'
import { redirect_to_login } from '../auth/views.ts'

class FastHasher extends PBKDF2PasswordHasher {
  override iterations = 100
}
register_import('auth_tests.test_login.FastHasher', FastHasher)
// Django's auth tests run with a URLconf, so resolve_url's reverse() of a LOGIN_URL fails over to the URL.
register_import('auth_tests.urls', { urlpatterns: [] })

const settings = make_settings({
  SECRET_KEY: 'django_tests_secret_key',
  ROOT_URLCONF: 'auth_tests.urls',
  PASSWORD_HASHERS: ['auth_tests.test_login.FastHasher'],
  ALLOWED_HOSTS: ['testserver'],
})
const site = <T>(fn: () => T): T => with_settings(settings, fn)

/** A bare request as the test client builds them, for `path` on http://testserver. */
function make_request(session_key: string | null = null, path = '/'): HttpRequest {
  const request = new HttpRequest()
  request.method = 'GET'
  request.path = request.path_info = path
  request.META.SERVER_NAME = 'testserver'
  request.META.SERVER_PORT = '80'
  request.session = new SessionStore(session_key)
  return request
}

/** The client side of the tests: one session cookie carried from request to request. */
class Browser {
  session_key: string | null = null

  /** Runs `fn` on a request carrying the cookie, then does what SessionMiddleware does with the session. */
  request<T>(fn: (request: HttpRequest) => T, path = '/'): T {
    const request = make_request(this.session_key, path)
    const result = fn(request)
    const session = request.session!
    if (session.accessed && session.is_empty()) this.session_key = null
    else if (session.modified) {
      session.save()
      this.session_key = session.session_key
    }
    return result
  }

  /** The login view: authenticate, then login; false for wrong credentials. */
  login(username = 'testclient', password = 'password'): boolean {
    return this.request((request) => {
      const user = authenticate(request, { username, password })
      if (user === null) return false
      login(request, user)
      return true
    })
  }

  /** The session as stored now. */
  get session(): SessionStore {
    return new SessionStore(this.session_key)
  }
}

let user: User
let staff: User
beforeEach(() => {
  set_database(new Database())
  site(() => {
    user = User.objects.create_user('testclient', 'testclient@example.com', 'password')
    staff = User.objects.create_user('staff', 'staff@example.com', 'password', { is_staff: true })
  })
})

describe('TestLogin', () => {
  it('test_user_login', () =>
    site(() => {
      const request = make_request()
      login(request, user)
      expect(request.session!.get(SESSION_KEY)).toBe(String(user.pk))
      expect(request.session!.get(BACKEND_SESSION_KEY)).toBe('django.contrib.auth.backends.ModelBackend')
      expect(request.session!.get(HASH_SESSION_KEY)).toBe(user.get_session_auth_hash())
      expect(request.session!.get(HASH_SESSION_KEY)).toMatch(/^[0-9a-f]{64}$/)
    }))

  it('test_inactive_user', () =>
    site(() => {
      // login() itself does not check is_active; ModelBackend.get_user hides the user afterwards.
      user.is_active = false
      user.save()
      const request = make_request()
      login(request, user)
      expect(request.session!.get(SESSION_KEY)).toBe(String(user.pk))
      expect(get_user(request)).toBeInstanceOf(AnonymousUser)
    }))

  it('test_without_user_no_request_user', () =>
    site(() => {
      const request = make_request()
      const { warnings } = catch_warnings(() =>
        expect(() => login(request, null)).toThrow(new AttributeError("'HttpRequest' object has no attribute 'user'")),
      )
      expect(warnings).toEqual([
        { category: 'RemovedInDjango61Warning', message: 'Fallback to request.user when user is None will be removed.' },
      ])
    }))

  it('test_without_user_anonymous_request', () =>
    site(() => {
      const request = make_request()
      request.user = new AnonymousUser()
      catch_warnings(() =>
        expect(() => login(request, null)).toThrow(new AttributeError("'AnonymousUser' object has no attribute '_meta'")),
      )
    }))

  it('test_without_user_authenticated_request', () =>
    site(() => {
      const request = make_request()
      request.user = user
      expect(request.session!.has(SESSION_KEY)).toBe(false)
      const { warnings } = catch_warnings(() => login(request, null))
      expect(warnings).toHaveLength(1)
      expect(request.session!.getitem(SESSION_KEY)).toBe(String(user.pk))
    }))

  it('test_alogin', async () => {
    await with_settings(settings, async () => {
      const request = make_request()
      await alogin(request, user)
      expect(await request.session!.aget(SESSION_KEY)).toBe(String(user.pk))
      expect(await aget_user(request)).toBeInstanceOf(User)
      await alogout(request)
      expect(request.session!.session_key).toBeNull()
    })
  })
})

describe('TestGetUser', () => {
  it('test_get_user_anonymous', () => site(() => expect(get_user(make_request())).toBeInstanceOf(AnonymousUser)))

  it('test_get_user', () =>
    site(() => {
      const browser = new Browser()
      expect(browser.login()).toBe(true)
      const found = get_user(make_request(browser.session_key))
      expect(found).toBeInstanceOf(User)
      expect((found as User).username).toBe(user.username)
    }))

  it('test_get_user_fallback_secret', () =>
    site(() => {
      const browser = new Browser()
      browser.login()
      const prev_session_key = browser.session_key
      override_settings({ SECRET_KEY: 'newsecret', SECRET_KEY_FALLBACKS: [settings.SECRET_KEY] }, () => {
        const request = make_request(prev_session_key)
        const found = get_user(request)
        expect(found).toBeInstanceOf(User)
        // Verified with the old key: the session moves to a new key and stores the new hash.
        expect(request.session!.session_key).not.toBe(prev_session_key)
        expect(request.session!.get(HASH_SESSION_KEY)).toBe(user.get_session_auth_hash())
        request.session!.save()
        // Without the fallback the upgraded session still verifies.
        override_settings({ SECRET_KEY_FALLBACKS: [] }, () => {
          expect(get_user(make_request(request.session!.session_key))).toBeInstanceOf(User)
        })
      })
      // A key that is neither current nor a fallback: logged out, session flushed.
      override_settings({ SECRET_KEY: 'othersecret' }, () => {
        const request = make_request(prev_session_key)
        expect(get_user(request)).toBeInstanceOf(AnonymousUser)
        expect(request.session!.session_key).toBeNull()
      })
    }))

  it('test_aget_user', async () => {
    await with_settings(settings, async () => {
      const browser = new Browser()
      browser.login()
      const found = await aget_user(make_request(browser.session_key))
      expect((found as User).username).toBe('testclient')
    })
  })
})

describe('LoginTest', () => {
  it('test_session_key_flushed_on_login', () =>
    site(() => {
      const browser = new Browser()
      browser.login()
      const original_session_key = browser.session_key
      browser.login('staff')
      expect(browser.session_key).not.toBe(original_session_key)
      expect(browser.session.get(SESSION_KEY)).toBe(String(staff.pk))
    }))

  it('test_session_key_flushed_on_login_after_password_change', () =>
    site(() => {
      const browser = new Browser()
      browser.login()
      const original_session_key = browser.session_key
      // If no password change, session key should not be flushed.
      browser.login()
      expect(browser.session_key).toBe(original_session_key)
      const u = User.objects.get({ username: 'testclient' })
      u.set_password('foobar')
      u.save()
      browser.login('testclient', 'foobar')
      expect(browser.session_key).not.toBe(original_session_key)
    }))

  it('test_login_session_without_hash_session_key', () =>
    site(() => {
      const session = new SessionStore()
      session.setitem(SESSION_KEY, user.id)
      session.save()
      const browser = new Browser()
      browser.session_key = session.session_key
      browser.login()
      expect(browser.session_key).not.toBe(session.session_key)
    }))

  it('test_anonymous_session_data_kept_under_a_new_key', () =>
    site(() => {
      const browser = new Browser()
      browser.request((request) => request.session!.setitem('cart', [1, 2]))
      const anonymous_key = browser.session_key
      browser.login()
      expect(browser.session_key).not.toBe(anonymous_key)
      expect(browser.session.get('cart')).toEqual([1, 2])
      expect(new SessionStore(anonymous_key).exists(anonymous_key!)).toBe(false)
    }))

  it('login sets request.user and rotates the CSRF secret', () =>
    site(() => {
      const request = make_request()
      request.user = new AnonymousUser()
      login(request, user)
      expect(request.user).toBe(user)
      expect(request.META.CSRF_COOKIE).toMatch(/^[a-zA-Z0-9]{32}$/)
    }))

  it('test_login_sets_last_login', () =>
    site(() => {
      expect(user.last_login).toBeNull()
      new Browser().login()
      expect(User.objects.get({ pk: user.pk }).last_login).toEqual(expect.any(Number))
    }))
})

describe('LogoutTest', () => {
  it('test_logout', () =>
    site(() => {
      const browser = new Browser()
      browser.login()
      const key = browser.session_key!
      browser.request((request) => {
        request.user = get_user(request)
        logout(request)
        expect(request.user).toBeInstanceOf(AnonymousUser)
      })
      expect(browser.session_key).toBeNull()
      expect(new SessionStore().exists(key)).toBe(false)
    }))

  it('test_logout_without_login', () =>
    site(() => {
      const request = make_request()
      request.user = new AnonymousUser()
      logout(request)
      expect(request.user).toBeInstanceOf(AnonymousUser)
    }))
})

describe('SignalTestCase', () => {
  let logged_in: SignalKwargs[]
  let logged_out: SignalKwargs[]
  const on_in = (kwargs: SignalKwargs): void => void logged_in.push(kwargs)
  const on_out = (kwargs: SignalKwargs): void => void logged_out.push(kwargs)
  beforeEach(() => {
    logged_in = []
    logged_out = []
    user_logged_in.connect(on_in)
    user_logged_out.connect(on_out)
  })
  afterEach(() => {
    user_logged_in.disconnect(on_in)
    user_logged_out.disconnect(on_out)
  })

  it('test_login', () =>
    site(() => {
      new Browser().login()
      expect(logged_in).toHaveLength(1)
      expect(logged_in[0]!.sender).toBe(User)
      expect((logged_in[0]!.user as User).username).toBe('testclient')
      expect(logged_in[0]!.request).toBeInstanceOf(HttpRequest)
    }))

  it('test_logout_anonymous', () =>
    site(() => {
      const request = make_request()
      request.user = new AnonymousUser()
      logout(request)
      expect(logged_out).toHaveLength(1)
      expect(logged_out[0]!.user).toBeNull()
    }))

  it('test_logout', () =>
    site(() => {
      const browser = new Browser()
      browser.login()
      browser.request((request) => {
        request.user = get_user(request)
        logout(request)
      })
      expect(logged_out).toHaveLength(1)
      expect((logged_out[0]!.user as User).username).toBe('testclient')
    }))
})

describe('TestAuthenticationMiddleware', () => {
  let browser: Browser
  const middleware = new AuthenticationMiddleware(() => new HttpResponse())
  beforeEach(() => {
    browser = new Browser()
    site(() => browser.login())
  })

  it('test_no_password_change_doesnt_invalidate_session', () =>
    site(() => {
      const request = make_request(browser.session_key)
      middleware.__call__(request)
      expect((request.user as User).is_anonymous).toBe(false)
    }))

  it('test_changed_password_invalidates_session', () =>
    site(() => {
      user.set_password('new_password')
      user.save()
      const request = make_request(browser.session_key)
      middleware.__call__(request)
      expect((request.user as AnonymousUser).is_anonymous).toBe(true)
      expect(request.session!.session_key).toBeNull()
    }))

  it('test_no_session', () =>
    site(() => {
      expect(() => middleware.__call__(new HttpRequest())).toThrow(
        new ImproperlyConfigured(
          'The Django authentication middleware requires session middleware to be installed. Edit your MIDDLEWARE ' +
            "setting to insert 'django.contrib.sessions.middleware.SessionMiddleware' before " +
            "'django.contrib.auth.middleware.AuthenticationMiddleware'.",
        ),
      )
    }))

  it('test_user_is_lazy_and_cached', () =>
    site(() => {
      const request = make_request(browser.session_key)
      middleware.__call__(request)
      // Nothing was read yet: the session is untouched until request.user is.
      expect(request.session!.accessed).toBe(false)
      const first = request.user
      expect(request.session!.accessed).toBe(true)
      expect(request.user).toBe(first)
      request.user = new AnonymousUser()
      expect(request.user).toBeInstanceOf(AnonymousUser)
    }))

  it('login replaces the lazy user without evaluating it', () =>
    site(() => {
      const request = make_request()
      middleware.__call__(request)
      login(request, staff)
      expect((request as AuthRequest)._cached_user).toBeUndefined()
      expect(request.user).toBe(staff)
    }))

  it('test_auser', async () => {
    await with_settings(settings, async () => {
      const request = make_request(browser.session_key)
      middleware.__call__(request)
      const auser = await request.auser!()
      expect((auser as User).equals(user)).toBe(true)
      expect(await request.auser!()).toBe(auser)
    })
  })

  it('test_update_session_auth_hash', () =>
    site(() => {
      const request = make_request(browser.session_key)
      middleware.__call__(request)
      const current = request.user as User
      current.set_password('changed')
      current.save()
      update_session_auth_hash(request, current)
      request.session!.save()
      expect(request.session!.session_key).not.toBe(browser.session_key)
      // This session stays logged in; the old one (another device) is logged out.
      expect(get_user(make_request(request.session!.session_key))).toBeInstanceOf(User)
      expect(get_user(make_request(browser.session_key))).toBeInstanceOf(AnonymousUser)
    }))
})

const normal_view = (_request: HttpRequest): HttpResponseBase => new HttpResponse('ok')

/** Calls a decorated view the way a handler with AuthenticationMiddleware would. */
function call_view(view: (r: HttpRequest) => unknown, session_key: string | null, path = '/login_required/'): unknown {
  const request = make_request(session_key, path)
  new AuthenticationMiddleware(() => new HttpResponse()).process_request(request)
  return view(request)
}

describe('LoginRequiredTestCase', () => {
  it('test_wrapped_sync_function_is_not_coroutine_function', () => {
    expect(iscoroutinefunction(login_required(normal_view))).toBe(false)
  })

  it('test_wrapped_async_function_is_coroutine_function', () => {
    expect(iscoroutinefunction(login_required(async (_r: HttpRequest) => new HttpResponse()))).toBe(true)
  })

  it('test_login_required', () =>
    site(() => {
      const view = login_required(normal_view)
      const response = call_view(view, null) as HttpResponse
      expect(response.status_code).toBe(302)
      expect(response.get('Location')).toBe('/accounts/login/?next=/login_required/')
      const browser = new Browser()
      browser.login()
      expect((call_view(view, browser.session_key) as HttpResponse).status_code).toBe(200)
    }))

  it('test_login_required_next_url', () =>
    site(() => {
      const view = login_required({ login_url: '/somewhere/', redirect_field_name: 'back' })(normal_view)
      const response = call_view(view, null) as HttpResponse
      expect(response.get('Location')).toBe('/somewhere/?back=/login_required/')
      expect(view.login_url).toBe('/somewhere/')
    }))

  it('test_login_required_async_view', async () => {
    await with_settings(settings, async () => {
      const view = login_required(async (_r: HttpRequest) => new HttpResponse('ok'))
      const response = (await call_view(view, null)) as HttpResponse
      expect(response.get('Location')).toBe('/accounts/login/?next=/login_required/')
      const browser = new Browser()
      browser.login()
      expect(((await call_view(view, browser.session_key)) as HttpResponse).status_code).toBe(200)
    })
  })
})

describe('LoginURLSettings', () => {
  const location = (overrides: { LOGIN_URL: string }): string =>
    override_settings(overrides, () => (call_view(login_required(normal_view), null) as HttpResponse).get('Location')!)

  it('test_standard_login_url', () =>
    site(() => expect(location({ LOGIN_URL: '/login/' })).toBe('/login/?next=/login_required/')))

  it('test_remote_login_url', () =>
    site(() =>
      expect(location({ LOGIN_URL: 'http://remote.example.com/login' })).toBe(
        'http://remote.example.com/login?next=http%3A//testserver/login_required/',
      ),
    ))

  it('test_https_login_url', () =>
    site(() =>
      expect(location({ LOGIN_URL: 'https:///login/' })).toBe(
        'https:///login/?next=http%3A//testserver/login_required/',
      ),
    ))

  it('test_login_url_with_querystring', () =>
    site(() => expect(location({ LOGIN_URL: '/login/?pretty=1' })).toBe('/login/?pretty=1&next=/login_required/')))

  it('test_remote_login_url_with_next_querystring', () =>
    site(() =>
      expect(location({ LOGIN_URL: 'http://remote.example.com/login/?next=/default/' })).toBe(
        'http://remote.example.com/login/?next=http%3A//testserver/login_required/',
      ),
    ))
})

describe('RedirectToLoginTests', () => {
  it('test_redirect_to_login_with_lazy', () =>
    override_settings({ LOGIN_URL: '/login/', ROOT_URLCONF: 'auth_tests.urls' }, () => {
      expect(redirect_to_login('/else/where/').url).toBe('/login/?next=/else/where/')
    }))

  it('test_redirect_to_login_with_lazy_and_unicode', () =>
    override_settings({ LOGIN_URL: '/login/', ROOT_URLCONF: 'auth_tests.urls' }, () => {
      expect(redirect_to_login('/else/where/झ/').url).toBe('/login/?next=/else/where/%E0%A4%9D/')
    }))
})

describe('UserPassesTestDecoratorTest', () => {
  it('test_decorator', () =>
    site(() => {
      const view = user_passes_test((u: User) => u.is_staff)(normal_view)
      const browser = new Browser()
      browser.login()
      expect((call_view(view, browser.session_key) as HttpResponse).status_code).toBe(302)
      browser.login('staff')
      expect((call_view(view, browser.session_key) as HttpResponse).status_code).toBe(200)
    }))

  it('test_decorator_async_test_func', async () => {
    await with_settings(settings, async () => {
      const view = user_passes_test(async (u: User) => u.is_staff)(async (_r: HttpRequest) => new HttpResponse())
      expect(((await call_view(view, null)) as HttpResponse).status_code).toBe(302)
    })
  })
})

describe('PermissionRequiredDecoratorTest', () => {
  let superuser_key: string | null
  beforeEach(() =>
    site(() => {
      User.objects.create_superuser('admin', null, 'password')
      const browser = new Browser()
      browser.login('admin')
      superuser_key = browser.session_key
    }),
  )

  it('test_many_permissions_pass', () =>
    site(() => {
      const view = permission_required(['auth_tests.add_customuser', 'auth_tests.change_customuser'])(normal_view)
      expect((call_view(view, superuser_key) as HttpResponse).status_code).toBe(200)
    }))

  it('test_permissioned_denied_redirect', () =>
    site(() => {
      const view = permission_required(['auth_tests.add_customuser', 'nonexistent-permission'])(normal_view)
      const browser = new Browser()
      browser.login()
      expect((call_view(view, browser.session_key) as HttpResponse).status_code).toBe(302)
    }))

  it('test_permissioned_denied_exception_raised', () =>
    site(() => {
      const view = permission_required('nonexistent-permission', { raise_exception: true })(normal_view)
      expect(() => call_view(view, null)).toThrow(PermissionDenied)
    }))
})
