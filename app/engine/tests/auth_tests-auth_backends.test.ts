/** Django's authentication backend tests: ModelBackend, backend selection, PermissionDenied, changed settings. */
// django: tests/auth_tests/test_auth_backends.py
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { override_settings, with_settings } from '../conf/context.ts'
import { make_settings } from '../conf/settings.ts'
import { ImproperlyConfigured, PermissionDenied, ValueError } from '../core/exceptions.ts'
import { register_import } from '../core/module-loading.ts'
import { Database, set_database } from '../db/connection.ts'
import type { SignalKwargs } from '../dispatch/dispatcher.ts'
import { HttpRequest } from '../http/request.ts'
import { SessionStore } from '../sessions/backends/db.ts'
import {
  aauthenticate,
  authenticate,
  BACKEND_SESSION_KEY,
  get_user,
  login,
  SESSION_KEY,
} from '../auth/auth.ts'
import { BaseBackend, ModelBackend, type AuthUser, type CredentialSignature } from '../auth/backends.ts'
import { PBKDF2PasswordHasher } from '../auth/hashers.ts'
import { AnonymousUser, User } from '../auth/models.ts'
import { user_login_failed } from '../auth/signals.ts'

class FastHasher extends PBKDF2PasswordHasher {
  override iterations = 100
}

/** A backend whose authenticate() takes only the request. */
class NoArgsBackend extends BaseBackend {
  override authenticate_signature: CredentialSignature = { names: [] }
  override authenticate(): AuthUser | null {
    throw new Error('must not be called')
  }
}
/** A backend whose authenticate() has a bug raising TypeError. */
class TypeErrorBackend extends BaseBackend {
  override authenticate_signature: CredentialSignature = { names: ['username', 'password'] }
  override authenticate(): AuthUser | null {
    throw new TypeError('boom')
  }
}
/** A backend that always refuses with PermissionDenied. */
class PermissionDeniedBackend extends BaseBackend {
  override authenticate(): AuthUser | null {
    throw new PermissionDenied()
  }
}
/** A backend granting one permission to everyone (anonymous users too). */
class SimpleRowlevelBackend extends BaseBackend {
  override get_user_permissions(): Set<string> {
    return new Set(['auth.test'])
  }
}
register_import('auth_tests.FastHasher', FastHasher)
register_import('auth_tests.test_auth_backends.NoArgsBackend', NoArgsBackend)
register_import('auth_tests.test_auth_backends.TypeErrorBackend', TypeErrorBackend)
register_import('auth_tests.test_auth_backends.PermissionDeniedBackend', PermissionDeniedBackend)
register_import('auth_tests.test_auth_backends.SimpleRowlevelBackend', SimpleRowlevelBackend)

const MODEL = 'django.contrib.auth.backends.ModelBackend'
const ALLOW_ALL = 'django.contrib.auth.backends.AllowAllUsersModelBackend'
const settings = make_settings({ SECRET_KEY: 'django_tests_secret_key', PASSWORD_HASHERS: ['auth_tests.FastHasher'] })
const site = <T>(fn: () => T): T => with_settings(settings, fn)

let user: User
beforeEach(() => {
  set_database(new Database())
  user = site(() => User.objects.create_user('test', 'test@example.com', 'test'))
})
afterEach(() => vi.restoreAllMocks())

describe('ModelBackendTest', () => {
  it('test_authenticate', () =>
    site(() => {
      const authed = authenticate(null, { username: 'test', password: 'test' })
      expect(authed?.equals(user)).toBe(true)
      expect(authed?.backend).toBe(MODEL)
      expect(authenticate(null, { username: 'test', password: 'wrong' })).toBeNull()
    }))

  it('test_authenticate_inactive', () =>
    site(() => {
      user.is_active = false
      user.save()
      expect(authenticate(null, { username: 'test', password: 'test' })).toBeNull()
    }))

  it('a missing username or password authenticates nobody', () =>
    site(() => {
      expect(new ModelBackend().authenticate(null, { password: 'test' })).toBeNull()
      expect(new ModelBackend().authenticate(null, { username: 'test' })).toBeNull()
    }))

  it('test_authentication_timing', () =>
    site(() => {
      // An unknown username still hashes the password once with the default hasher.
      const spy = vi.spyOn(FastHasher.prototype, 'encode')
      authenticate(null, { username: 'no_such_user', password: 'test' })
      expect(spy).toHaveBeenCalledTimes(1)
      spy.mockClear()
      authenticate(null, { username: 'test', password: 'wrong' })
      expect(spy).toHaveBeenCalledTimes(1)
    }))

  it('test_get_user', () =>
    site(() => {
      const backend = new ModelBackend()
      expect(backend.get_user(user.pk)?.equals(user)).toBe(true)
      expect(backend.get_user(12345)).toBeNull()
      user.is_active = false
      user.save()
      expect(backend.get_user(user.pk)).toBeNull()
    }))

  it('test_inactive_has_no_permissions', () =>
    site(() => {
      const superuser = User.objects.create_superuser('admin', null, 'pw')
      expect(superuser.has_perm('auth.test')).toBe(true)
      superuser.is_active = false
      expect(superuser.has_perm('auth.test')).toBe(false)
      expect(new ModelBackend().get_all_permissions(superuser)).toEqual(new Set())
      expect(user.has_perm('auth.test')).toBe(false)
      expect(user.get_all_permissions()).toEqual(new Set())
    }))

  it('test_aauthenticate', async () => {
    await with_settings(settings, async () => {
      const authed = await aauthenticate(null, { username: 'test', password: 'test' })
      expect(authed?.equals(user)).toBe(true)
      expect(authed?.backend).toBe(MODEL)
      expect(await aauthenticate(null, { username: 'test', password: 'wrong' })).toBeNull()
    })
  })
})

describe('AllowAllUsersModelBackendTest', () => {
  it('test_authenticate', () =>
    site(() =>
      override_settings({ AUTHENTICATION_BACKENDS: [ALLOW_ALL] }, () => {
        user.is_active = false
        user.save()
        expect(authenticate(null, { username: 'test', password: 'test' })?.backend).toBe(ALLOW_ALL)
      }),
    ))

  it('test_get_user', () =>
    site(() =>
      override_settings({ AUTHENTICATION_BACKENDS: [ALLOW_ALL] }, () => {
        user.is_active = false
        user.save()
        const request = new HttpRequest()
        request.session = new SessionStore()
        login(request, user)
        expect(get_user(request).equals(user)).toBe(true)
      }),
    ))
})

describe('AuthenticateTests', () => {
  it('test_skips_backends_without_arguments', () =>
    site(() =>
      override_settings({ AUTHENTICATION_BACKENDS: ['auth_tests.test_auth_backends.NoArgsBackend', MODEL] }, () => {
        expect(authenticate(null, { username: 'test', password: 'test' })?.equals(user)).toBe(true)
      }),
    ))

  it('test_type_error_raised', () =>
    site(() =>
      override_settings({ AUTHENTICATION_BACKENDS: ['auth_tests.test_auth_backends.TypeErrorBackend'] }, () => {
        expect(() => authenticate(null, { username: 'test', password: 'test' })).toThrow(TypeError)
      }),
    ))

  it('test_no_backends', () =>
    site(() =>
      override_settings({ AUTHENTICATION_BACKENDS: [] }, () => {
        expect(() => authenticate(null, { username: 'test', password: 'test' })).toThrow(
          new ImproperlyConfigured(
            'No authentication backends have been defined. Does AUTHENTICATION_BACKENDS contain anything?',
          ),
        )
      }),
    ))
})

describe('PermissionDeniedBackendTest', () => {
  const backend = 'auth_tests.test_auth_backends.PermissionDeniedBackend'
  let failed: SignalKwargs[]
  const listener = (kwargs: SignalKwargs): void => void failed.push(kwargs)
  beforeEach(() => {
    failed = []
    user_login_failed.connect(listener)
  })
  afterEach(() => void user_login_failed.disconnect(listener))

  it('test_permission_denied', () =>
    site(() =>
      override_settings({ AUTHENTICATION_BACKENDS: [backend, MODEL] }, () => {
        // The first backend's PermissionDenied stops the search before ModelBackend is asked.
        expect(authenticate(null, { username: 'test', password: 'test' })).toBeNull()
        expect(failed).toHaveLength(1)
        expect(failed[0]!.sender).toBe('django.contrib.auth')
        expect(failed[0]!.credentials).toEqual({ username: 'test', password: '********************' })
        expect(failed[0]!.request).toBeNull()
      }),
    ))

  it('test_authenticates', () =>
    site(() =>
      override_settings({ AUTHENTICATION_BACKENDS: [MODEL, backend] }, () => {
        expect(authenticate(null, { username: 'test', password: 'test' })?.equals(user)).toBe(true)
        expect(failed).toHaveLength(0)
      }),
    ))

  it('test_login_failed_cleanses_sensitive_credentials', () =>
    site(() => {
      const request = new HttpRequest()
      const credentials = { username: 'test', password: 'x', api_key: 'k', Token: 't', SIGNATURE: 's', name: 'n' }
      expect(authenticate(request, credentials)).toBeNull()
      expect(failed[0]!.credentials).toEqual({
        username: 'test',
        password: '********************',
        api_key: '********************',
        Token: '********************',
        SIGNATURE: '********************',
        name: 'n',
      })
      expect(failed[0]!.request).toBe(request)
      expect(credentials.password).toBe('x')
    }))
})

describe('RowlevelBackendTest', () => {
  it('test_get_all_permissions', () =>
    site(() =>
      override_settings({ AUTHENTICATION_BACKENDS: [MODEL, 'auth_tests.test_auth_backends.SimpleRowlevelBackend'] }, () => {
        expect(user.get_all_permissions()).toEqual(new Set(['auth.test']))
        expect(user.has_perm('auth.test')).toBe(true)
        expect(user.has_module_perms('auth')).toBe(false)
        expect(new AnonymousUser().has_perm('auth.test')).toBe(true)
      }),
    ))
})

describe('ChangedBackendSettingsTest', () => {
  it('test_changed_backend_settings', () =>
    site(() => {
      const request = new HttpRequest()
      request.session = new SessionStore()
      login(request, authenticate(null, { username: 'test', password: 'test' }))
      request.session.save()
      expect(request.session.get(BACKEND_SESSION_KEY)).toBe(MODEL)
      // The backend that logged the user in is no longer configured: the user is anonymous.
      override_settings({ AUTHENTICATION_BACKENDS: [ALLOW_ALL] }, () => {
        const later = new HttpRequest()
        later.session = new SessionStore(request.session!.session_key)
        expect(later.session.get(SESSION_KEY)).toBe(String(user.pk))
        expect(get_user(later)).toBeInstanceOf(AnonymousUser)
      })
    }))
})

describe('SelectingBackendTests', () => {
  const other = 'auth_tests.test_auth_backends.SimpleRowlevelBackend'
  const request_with_session = () => {
    const request = new HttpRequest()
    request.session = new SessionStore()
    return request
  }

  it('test_backend_path_login_without_authenticate_single_backend', () =>
    site(() => {
      const request = request_with_session()
      login(request, user)
      expect(request.session!.get(BACKEND_SESSION_KEY)).toBe(MODEL)
    }))

  it('test_backend_path_login_without_authenticate_multiple_backends', () =>
    site(() =>
      override_settings({ AUTHENTICATION_BACKENDS: [MODEL, other] }, () => {
        expect(() => login(request_with_session(), user)).toThrow(
          new ValueError(
            'You have multiple authentication backends configured and therefore must provide the `backend` ' +
              'argument or set the `backend` attribute on the user.',
          ),
        )
      }),
    ))

  it('test_backend_path_login_with_explicit_backends', () =>
    site(() =>
      override_settings({ AUTHENTICATION_BACKENDS: [MODEL, other] }, () => {
        const request = request_with_session()
        login(request, user, other)
        expect(request.session!.get(BACKEND_SESSION_KEY)).toBe(other)
      }),
    ))

  it('test_non_string_backend', () =>
    site(() => {
      expect(() => login(request_with_session(), user, ModelBackend as never)).toThrow(
        /^backend must be a dotted import path string \(got /,
      )
      expect(() => login(request_with_session(), user, 1 as never)).toThrow(
        new TypeError('backend must be a dotted import path string (got 1).'),
      )
    }))
})
