/** Django's user model tests: AnonymousUser, User basics, UserManager, AbstractBaseUser, last_login. */
// django: tests/auth_tests/test_models.py, tests/auth_tests/test_basic.py, tests/auth_tests/test_signals.py
import { beforeEach, describe, expect, it } from 'vitest'
import { override_settings, with_settings } from '../conf/context.ts'
import { make_settings } from '../conf/settings.ts'
import { frozen_clock, with_clock } from '../core/clock.ts'
import { FieldError, NotImplementedError, ObjectDoesNotExist, ValueError } from '../core/exceptions.ts'
import { register_import } from '../core/module-loading.ts'
import { Database, set_database } from '../db/connection.ts'
import { IntegrityError } from '../db/utils.ts'
import { get_user_model } from '../auth/auth.ts'
import { make_password, PBKDF2PasswordHasher } from '../auth/hashers.ts'
import { AnonymousUser, User, UserManager } from '../auth/models.ts'
import { user_logged_in } from '../auth/signals.ts'

class FastHasher extends PBKDF2PasswordHasher {
  override iterations = 100
}
register_import('auth_tests.test_models.FastHasher', FastHasher)

const settings = make_settings({
  SECRET_KEY: 'django_tests_secret_key',
  PASSWORD_HASHERS: ['auth_tests.test_models.FastHasher'],
})

beforeEach(() => set_database(new Database()))
const site = <T>(fn: () => T): T => with_settings(settings, fn)

describe('AnonymousUserTests', () => {
  const no_repr_msg = "Django doesn't provide a DB representation for AnonymousUser."
  const user = new AnonymousUser()

  it('test_properties', () =>
    site(() => {
      expect(user.id).toBeNull()
      expect(user.pk).toBeNull()
      expect(user.username).toBe('')
      expect(user.get_username()).toBe('')
      expect(user.is_anonymous).toBe(true)
      expect(user.is_authenticated).toBe(false)
      expect(user.is_staff).toBe(false)
      expect(user.is_active).toBe(false)
      expect(user.is_superuser).toBe(false)
      expect(user.groups.length).toBe(0)
      expect(user.user_permissions.length).toBe(0)
      expect(user.get_user_permissions()).toEqual(new Set())
      expect(user.get_group_permissions()).toEqual(new Set())
      expect(user.get_all_permissions()).toEqual(new Set())
      expect(user.has_perm('auth.view_user')).toBe(false)
      expect(user.has_module_perms('auth')).toBe(false)
    }))

  it('test_str', () => {
    expect(String(user)).toBe('AnonymousUser')
    expect(`${user}`).toBe('AnonymousUser')
  })

  it('test_eq', () => {
    expect(user.equals(new AnonymousUser())).toBe(true)
    expect(user.equals(new User({ username: 'super', email: 'super@example.com', password: 'super' }))).toBe(false)
  })

  it('test_hash', () => expect(user.__hash__()).toBe(1))

  it('test_int', () => {
    expect(() => Number(user)).toThrow(
      new TypeError('Cannot cast AnonymousUser to int. Are you trying to use it in place of User?'),
    )
  })

  it('test_delete', () => expect(() => user.delete()).toThrow(new NotImplementedError(no_repr_msg)))
  it('test_save', () => expect(() => user.save()).toThrow(new NotImplementedError(no_repr_msg)))
  it('test_set_password', () => expect(() => user.set_password('password')).toThrow(new NotImplementedError(no_repr_msg)))
  it('test_check_password', () =>
    expect(() => user.check_password('password')).toThrow(new NotImplementedError(no_repr_msg)))

  it('test_has_perms', () =>
    site(() => {
      expect(user.has_perms(['auth.view_user'])).toBe(false)
      expect(user.has_perms([])).toBe(true)
      expect(() => user.has_perms('auth.view_user')).toThrow(new ValueError('perm_list must be an iterable of permissions.'))
    }))
})

describe('BasicTestCase', () => {
  it('test_user', () =>
    site(() => {
      const u = User.objects.create_user('testuser', 'test@example.com', 'testpw')
      expect(u.has_usable_password()).toBe(true)
      expect(u.check_password('bad')).toBe(false)
      expect(u.check_password('testpw')).toBe(true)
      u.set_unusable_password()
      u.save()
      expect(u.check_password('testpw')).toBe(false)
      expect(u.has_usable_password()).toBe(false)
      u.set_password('testpw')
      expect(u.check_password('testpw')).toBe(true)
      u.set_password(null)
      expect(u.has_usable_password()).toBe(false)
      expect(u.get_username()).toBe('testuser')
      expect(u.is_anonymous).toBe(false)
      expect(u.is_authenticated).toBe(true)
      expect(u.is_staff).toBe(false)
      expect(u.is_active).toBe(true)
      expect(u.is_superuser).toBe(false)
      const u2 = User.objects.create_user('testuser2', 'test2@example.com')
      expect(u2.has_usable_password()).toBe(false)
    }))

  it('test_unicode_username', () =>
    site(() => {
      User.objects.create_user('jörg')
      User.objects.create_user('Григорий')
      // NFKC maps the ohm sign onto the Greek capital omega: the same username.
      User.objects.create_user('iamthe\u2126') // OHM SIGN
      expect(() => User.objects.create_user('iamthe\u03a9')).toThrow(IntegrityError) // GREEK CAPITAL LETTER OMEGA
      expect(User.objects.get({ username: 'iamthe\u03a9' }).username).toBe('iamthe\u03a9')
    }))

  it('test_user_no_email', () =>
    site(() => {
      expect(User.objects.create_user('testuser1').email).toBe('')
      expect(User.objects.create_user('testuser2', '').email).toBe('')
      expect(User.objects.create_user('testuser3', null).email).toBe('')
    }))

  it('test_superuser', () =>
    site(() => {
      const sup = User.objects.create_superuser('super', 'super@example.com', 'super')
      expect(sup.is_superuser).toBe(true)
      expect(sup.is_active).toBe(true)
      expect(sup.is_staff).toBe(true)
      expect(sup.has_perm('anything.at_all')).toBe(true)
      expect(sup.has_perms(['a.b', 'c.d'])).toBe(true)
      expect(sup.has_module_perms('auth')).toBe(true)
    }))

  it('test_superuser_no_email_or_password', () =>
    site(() => {
      const sup = User.objects.create_superuser('super')
      expect(sup.email).toBe('')
      expect(sup.has_usable_password()).toBe(false)
    }))

  it('test_get_user_model', () => expect(get_user_model()).toBe(User))
})

describe('UserManagerTestCase', () => {
  it('test_create_user', () =>
    site(() => {
      const email_lowercase = 'normal@normal.com'
      const user = User.objects.create_user('user', email_lowercase)
      expect(user.email).toBe(email_lowercase)
      expect(user.username).toBe('user')
      expect(user.has_usable_password()).toBe(false)
    }))

  it('test_create_user_email_domain_normalize_rfc3696', () =>
    site(() => {
      // An @ inside a quoted local part: only the text after the last @ is the domain.
      const returned = UserManager.normalize_email('"\\@"@example.com')
      expect(returned).toBe('"\\@"@example.com')
    }))

  it('test_create_user_email_domain_normalize', () =>
    site(() => {
      const user = User.objects.create_user('user', 'normal@DOMAIN.COM')
      expect(user.email).toBe('normal@domain.com')
    }))

  it('test_create_user_email_domain_normalize_with_whitespace', () =>
    site(() => {
      const user = User.objects.create_user('user', '  email\\ with_whitespace@D.COM  ')
      expect(user.email).toBe('email\\ with_whitespace@d.com')
    }))

  it('test_empty_username', () =>
    site(() => {
      expect(() => User.objects.create_user('')).toThrow(new ValueError('The given username must be set'))
    }))

  it('test_create_superuser_raises_error_on_false_is_superuser', () =>
    site(() => {
      expect(() => User.objects.create_superuser('test', 'test@example.com', null, { is_superuser: false })).toThrow(
        new ValueError('Superuser must have is_superuser=True.'),
      )
    }))

  it('test_create_superuser_raises_error_on_false_is_staff', () =>
    site(() => {
      expect(() => User.objects.create_superuser('test', 'test@example.com', null, { is_staff: false })).toThrow(
        new ValueError('Superuser must have is_staff=True.'),
      )
    }))

  it('get raises User.DoesNotExist with Django\'s message, finds by pk as int or string', () =>
    site(() => {
      const user = User.objects.create_user('fred', null, 'secret')
      expect(User.objects.get({ pk: user.pk }).equals(user)).toBe(true)
      expect(User.objects.get({ pk: String(user.pk) }).username).toBe('fred')
      expect(User.objects.get_by_natural_key('fred').equals(user)).toBe(true)
      const missing = () => User.objects.get({ username: 'nobody' })
      expect(missing).toThrow(User.DoesNotExist)
      expect(missing).toThrow(ObjectDoesNotExist)
      expect(missing).toThrow('User matching query does not exist.')
      expect(() => User.objects.get({ pk: 'abc' })).toThrow(new ValueError("Field 'id' expected a number but got 'abc'."))
      expect(() => User.objects.get({ nickname: 'x' } as never)).toThrow(FieldError)
      expect(User.objects.count()).toBe(1)
    }))
})

describe('AbstractBaseUserTests', () => {
  it('test_normalize_username', () => {
    expect(User.normalize_username('iamthe\u2126')).toBe('iamthe\u03a9')
    expect(User.normalize_username(42)).toBe(42)
  })

  it('test_clean_normalize_username', () =>
    site(() => {
      const user = new User({ username: 'iamthe\u2126', email: 'A@EXAMPLE.COM' })
      user.clean()
      expect(user.username).toBe('iamthe\u03a9')
      expect(user.email).toBe('A@example.com')
    }))

  it('test_default_email', () => expect(User.get_email_field_name()).toBe('email'))

  it('test_session_auth_hash', () =>
    site(() => {
      // The spec's vector: Django 5.2's hash of lètmein with salt seasalt, SECRET_KEY "secret".
      const user = new User({
        username: 'u',
        password: 'pbkdf2_sha256$1000000$seasalt$r1uLUxoxpP2Ued/qxvmje7UH9PUJBkRrvf9gGPL7Cps=',
      })
      override_settings({ SECRET_KEY: 'secret' }, () => {
        expect(user.get_session_auth_hash()).toBe('01832980fcab16bce4eed9ceebf2574575daad13d7ec78b434543e98d0483e2c')
      })
      override_settings({ SECRET_KEY: 'new', SECRET_KEY_FALLBACKS: ['old', 'secret'] }, () => {
        const fallbacks = [...user.get_session_auth_fallback_hash()]
        expect(fallbacks).toHaveLength(2)
        expect(fallbacks[1]).toBe('01832980fcab16bce4eed9ceebf2574575daad13d7ec78b434543e98d0483e2c')
      })
    }))

  it('test_check_password_upgrade', () =>
    site(() => {
      // A hash with another work factor is replaced, and saved, when the password is right.
      const old = make_password('pw', 'abcdefghijklmnopqrstuv', new (class extends PBKDF2PasswordHasher {
        override iterations = 7
      })())
      const user = User.objects.create({ username: 'u', password: old })
      expect(user.check_password('wrong')).toBe(false)
      expect(user.password).toBe(old)
      expect(user.check_password('pw')).toBe(true)
      expect(user.password).not.toBe(old)
      expect(user.password.startsWith('pbkdf2_sha256$100$')).toBe(true)
      user.refresh_from_db()
      expect(user.password.startsWith('pbkdf2_sha256$100$')).toBe(true)
    }))

  it('test_str_and_natural_key', () => {
    const user = new User({ username: 'fred' })
    expect(String(user)).toBe('fred')
    expect(user.natural_key()).toEqual(['fred'])
    expect(user.pk).toBeNull()
  })

  it('test_save_delete_refresh', () =>
    site(() => {
      const user = User.objects.create_user('fred')
      const id = user.pk
      user.first_name = 'Fred'
      user.save()
      expect(User.objects.get({ pk: id }).get_full_name()).toBe('Fred')
      expect(user.delete()).toEqual([1, { 'auth.User': 1 }])
      expect(user.pk).toBeNull()
      expect(() => user.delete()).toThrow("User object can't be deleted because its id attribute is set to None.")
      expect(User.objects.count()).toBe(0)
    }))
})

describe('SignalTestCase', () => {
  it('test_update_last_login', () =>
    site(() => {
      const user = User.objects.create_user('fred', null, 'pw')
      expect(user.last_login).toBeNull()
      with_clock(frozen_clock(1700000000), () => user_logged_in.send(User, { request: null, user }))
      expect(user.last_login).toBe(1700000000)
      expect(User.objects.get({ pk: user.pk }).last_login).toBe(1700000000)
    }))
})
