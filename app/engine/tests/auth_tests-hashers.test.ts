/** Django's password hasher tests (TestUtilsHashPass, PBKDF2 parts, and BasePasswordHasherTests). */
// django: tests/auth_tests/test_hashers.py
import { describe, expect, it, vi } from 'vitest'
import { override_settings } from '../conf/context.ts'
import { catch_warnings } from '../core/warnings.ts'
import { ImportError, ImproperlyConfigured, NotImplementedError, ValueError } from '../core/exceptions.ts'
import { register_import } from '../core/module-loading.ts'
import {
  acheck_password,
  BasePasswordHasher,
  check_password,
  get_hasher,
  get_hashers,
  identify_hasher,
  is_password_usable,
  make_password,
  PBKDF2PasswordHasher,
  PBKDF2SHA1PasswordHasher,
  UNUSABLE_PASSWORD_PREFIX,
  UNUSABLE_PASSWORD_SUFFIX_LENGTH,
} from '../auth/hashers.ts'

// Django's suite swaps in cheap hashers; these keep PBKDF2's format with few iterations.
class PBKDF2SingleIterationHasher extends PBKDF2PasswordHasher {
  override iterations = 1
}
class PBKDF2FastHasher extends PBKDF2PasswordHasher {
  override iterations = 1000
}
class PBKDF2SHA1FastHasher extends PBKDF2SHA1PasswordHasher {
  override iterations = 1000
}
class NamelessHasher extends BasePasswordHasher {}
register_import('auth_tests.test_hashers.PBKDF2SingleIterationHasher', PBKDF2SingleIterationHasher)
register_import('auth_tests.test_hashers.PBKDF2FastHasher', PBKDF2FastHasher)
register_import('auth_tests.test_hashers.PBKDF2SHA1FastHasher', PBKDF2SHA1FastHasher)
register_import('auth_tests.test_hashers.NamelessHasher', NamelessHasher)

const FAST = ['auth_tests.test_hashers.PBKDF2FastHasher', 'auth_tests.test_hashers.PBKDF2SHA1FastHasher']
const fast = <T>(fn: () => T): T => override_settings({ PASSWORD_HASHERS: FAST }, fn)

describe('TestUtilsHashPass', () => {
  it('test_simple', () =>
    fast(() => {
      const encoded = make_password('lètmein')
      expect(encoded.startsWith('pbkdf2_sha256$')).toBe(true)
      expect(is_password_usable(encoded)).toBe(true)
      expect(check_password('lètmein', encoded)).toBe(true)
      expect(check_password('lètmeinz', encoded)).toBe(false)
      const blank_encoded = make_password('')
      expect(blank_encoded.startsWith('pbkdf2_sha256$')).toBe(true)
      expect(is_password_usable(blank_encoded)).toBe(true)
      expect(check_password('', blank_encoded)).toBe(true)
      expect(check_password(' ', blank_encoded)).toBe(false)
    }))

  it('test_bytes', () =>
    fast(() => {
      const encoded = make_password(new TextEncoder().encode('bytes_password'))
      expect(encoded.startsWith('pbkdf2_sha256$')).toBe(true)
      expect(is_password_usable(encoded)).toBe(true)
      expect(check_password(new TextEncoder().encode('bytes_password'), encoded)).toBe(true)
      expect(check_password('bytes_password', encoded)).toBe(true)
    }))

  it('test_invalid_password', () => {
    expect(() => make_password(1 as never)).toThrow(new TypeError('Password must be a string or bytes, got int.'))
    expect(() => make_password({} as never)).toThrow('Password must be a string or bytes, got Object.')
  })

  it('test_pbkdf2', () => {
    // Django 5.2's default work factor, once: the spec's vector.
    expect(make_password('lètmein', 'seasalt', 'pbkdf2_sha256')).toBe(
      'pbkdf2_sha256$1000000$seasalt$r1uLUxoxpP2Ued/qxvmje7UH9PUJBkRrvf9gGPL7Cps=',
    )
    fast(() => {
      const encoded = make_password('secret', 'fixedsalt12345', 'pbkdf2_sha256')
      expect(encoded).toBe('pbkdf2_sha256$1000$fixedsalt12345$cpC8u4IelSk++iM6CcIuaM6530uyW8dZbuyd10t4qL8=')
      expect(is_password_usable(encoded)).toBe(true)
      expect(check_password('secret', encoded)).toBe(true)
      expect(check_password('secretz', encoded)).toBe(false)
      expect(identify_hasher(encoded).algorithm).toBe('pbkdf2_sha256')
      const blank_encoded = make_password('', 'seasalt', 'pbkdf2_sha256')
      expect(blank_encoded.startsWith('pbkdf2_sha256$')).toBe(true)
      expect(check_password('', blank_encoded)).toBe(true)
      expect(check_password(' ', blank_encoded)).toBe(false)
      // Salt entropy check.
      const hasher = get_hasher('pbkdf2_sha256')
      const encoded_weak_salt = make_password('lètmein', 'iodizedsalt', 'pbkdf2_sha256')
      const encoded_strong_salt = make_password('lètmein', hasher.salt(), 'pbkdf2_sha256')
      expect(hasher.must_update(encoded_weak_salt)).toBe(true)
      expect(hasher.must_update(encoded_strong_salt)).toBe(false)
      expect(hasher.salt()).toMatch(/^[a-zA-Z0-9]{22}$/)
    })
  })

  it('test_unusable', () =>
    fast(() => {
      const encoded = make_password(null)
      expect(encoded.length).toBe(UNUSABLE_PASSWORD_PREFIX.length + UNUSABLE_PASSWORD_SUFFIX_LENGTH)
      expect(is_password_usable(encoded)).toBe(false)
      expect(check_password(null, encoded)).toBe(false)
      expect(check_password(encoded, encoded)).toBe(false)
      expect(check_password(UNUSABLE_PASSWORD_PREFIX, encoded)).toBe(false)
      expect(check_password('', encoded)).toBe(false)
      expect(check_password('lètmein', encoded)).toBe(false)
      expect(check_password('lètmeinz', encoded)).toBe(false)
      expect(() => identify_hasher(encoded)).toThrow(ValueError)
      expect(() => identify_hasher(encoded)).toThrow('Unknown password hashing algorithm')
      expect(encoded).not.toBe(make_password(null))
    }))

  it('test_unspecified_password', () => fast(() => expect(check_password(null, make_password('lètmein'))).toBe(false)))

  it('test_bad_algorithm', () =>
    fast(() => {
      const msg = "Unknown password hashing algorithm 'lolcat'. Did you specify it in the PASSWORD_HASHERS setting?"
      expect(() => make_password('lètmein', null, 'lolcat')).toThrow(msg)
      expect(() => identify_hasher('lolcat$salt$hash')).toThrow(msg)
    }))

  it('test_is_password_usable', () => {
    for (const password of ['lètmein_badencoded', '', null]) expect(is_password_usable(password)).toBe(true)
  })

  it('test_low_level_pbkdf2', () => {
    const hasher = new PBKDF2PasswordHasher()
    const encoded = hasher.encode('secret', 'fixedsalt12345', 1000)
    expect(encoded).toBe('pbkdf2_sha256$1000$fixedsalt12345$cpC8u4IelSk++iM6CcIuaM6530uyW8dZbuyd10t4qL8=')
    expect(hasher.verify('secret', encoded)).toBe(true)
    expect(hasher.safe_summary(encoded)).toEqual({
      algorithm: 'pbkdf2_sha256',
      iterations: 1000,
      salt: 'fi************',
      hash: 'cpC8u4' + '*'.repeat(38),
    })
  })

  it('test_low_level_pbkdf2_sha1', () => {
    const hasher = new PBKDF2SHA1PasswordHasher()
    const encoded = hasher.encode('secret', 'fixedsalt12345', 1000)
    expect(encoded).toBe('pbkdf2_sha1$1000$fixedsalt12345$M7bfdKniB87dOWWSvG9BfBpQUP8=')
    expect(hasher.verify('secret', encoded)).toBe(true)
    expect(hasher.iterations).toBe(1_000_000)
  })

  it('test_upgrade', () =>
    fast(() => {
      expect(get_hasher('default').algorithm).toBe('pbkdf2_sha256')
      const encoded = make_password('lètmein', null, 'pbkdf2_sha1')
      const setter = vi.fn()
      expect(check_password('lètmein', encoded, setter)).toBe(true)
      expect(setter).toHaveBeenCalledWith('lètmein')
    }))

  it('test_no_upgrade', () =>
    fast(() => {
      const encoded = make_password('lètmein')
      const setter = vi.fn()
      expect(check_password('WRONG', encoded, setter)).toBe(false)
      expect(setter).not.toHaveBeenCalled()
    }))

  it('test_no_upgrade_on_incorrect_pass', () =>
    fast(() => {
      const encoded = make_password('lètmein', null, 'pbkdf2_sha1')
      const setter = vi.fn()
      expect(check_password('WRONG', encoded, setter)).toBe(false)
      expect(setter).not.toHaveBeenCalled()
    }))

  it('test_pbkdf2_upgrade', () =>
    fast(() => {
      const hasher = get_hasher('default') as PBKDF2PasswordHasher
      const old_iterations = hasher.iterations
      try {
        hasher.iterations = 1
        const encoded = make_password('letmein')
        expect(encoded.split('$')[1]).toBe('1')
        const setter = vi.fn()
        expect(check_password('letmein', encoded, setter)).toBe(true)
        expect(setter).not.toHaveBeenCalled()
        hasher.iterations = old_iterations
        expect(check_password('letmein', encoded, setter)).toBe(true)
        expect(setter).toHaveBeenCalledTimes(1)
      } finally {
        hasher.iterations = old_iterations
      }
    }))

  it('test_pbkdf2_harden_runtime', () =>
    fast(() => {
      const hasher = get_hasher('default') as PBKDF2PasswordHasher
      const old_iterations = hasher.iterations
      try {
        hasher.iterations = 1
        const encoded = make_password('letmein')
        hasher.iterations = 6
        const encode = vi.spyOn(hasher, 'encode')
        hasher.harden_runtime('wrong_password', encoded)
        // One encode with the original salt and the 5 missing iterations.
        expect(encode).toHaveBeenCalledTimes(1)
        expect(encode).toHaveBeenCalledWith('wrong_password', encoded.split('$')[2], 5)
        encode.mockRestore()
      } finally {
        hasher.iterations = old_iterations
      }
    }))

  it('test_pbkdf2_upgrade_new_hasher', () => {
    const setter = vi.fn()
    let encoded = ''
    override_settings({ PASSWORD_HASHERS: ['auth_tests.test_hashers.PBKDF2SingleIterationHasher'] }, () => {
      encoded = make_password('letmein')
      expect(encoded.split('$')[1]).toBe('1')
      expect(check_password('letmein', encoded, setter)).toBe(true)
      expect(setter).not.toHaveBeenCalled()
    })
    override_settings({ PASSWORD_HASHERS: FAST }, () => {
      expect(check_password('letmein', encoded, setter)).toBe(true)
      expect(setter).toHaveBeenCalledTimes(1)
    })
  })

  it('test_check_password_calls_harden_runtime', () =>
    fast(() => {
      const hasher = get_hasher('default')
      const encoded = make_password('letmein')
      const harden = vi.spyOn(hasher, 'harden_runtime').mockImplementation(() => {})
      const must_update = vi.spyOn(hasher, 'must_update').mockReturnValue(true)
      check_password('letmein', encoded)
      expect(harden).toHaveBeenCalledTimes(0)
      check_password('wrong_password', encoded)
      expect(harden).toHaveBeenCalledTimes(1)
      harden.mockRestore()
      must_update.mockRestore()
    }))

  it('test_check_password_calls_make_password_to_fake_runtime', () =>
    fast(() => {
      const hasher = get_hasher('default')
      const encode = vi.spyOn(hasher, 'encode')
      for (const [password, encoded] of [
        [null, make_password('x')],
        ['x', make_password(null)],
        ['x', 'md5$unknown$hasher'],
      ] as const) {
        encode.mockClear()
        expect(check_password(password, encoded)).toBe(false)
        expect(encode).toHaveBeenCalledTimes(1)
      }
      encode.mockRestore()
    }))

  it('test_encode_invalid_salt', () => {
    for (const hasher of [new PBKDF2PasswordHasher(), new PBKDF2SHA1PasswordHasher()]) {
      for (const salt of [null, '', 'sea$salt']) {
        expect(() => hasher.encode('password', salt as string)).toThrow(
          new ValueError('salt must be provided and cannot contain $.'),
        )
      }
    }
  })

  it('test_encode_password_required', () => {
    for (const hasher of [new PBKDF2PasswordHasher(), new PBKDF2SHA1PasswordHasher()]) {
      expect(() => hasher.encode(null as never, 'seasalt')).toThrow(new TypeError('password must be provided.'))
    }
  })

  it('test_acheck_password', async () => {
    await override_settings({ PASSWORD_HASHERS: FAST }, async () => {
      const encoded = make_password('lètmein', null, 'pbkdf2_sha1')
      const calls: string[] = []
      const setter = async (password: unknown) => void calls.push(String(password))
      expect(await acheck_password('lètmein', encoded, setter)).toBe(true)
      expect(await acheck_password('lètmeinz', encoded, setter)).toBe(false)
      expect(calls).toEqual(['lètmein'])
    })
  })
})

describe('BasePasswordHasherTests', () => {
  const not_implemented_msg = (what: string) => `subclasses of BasePasswordHasher must provide ${what}() method`
  const hasher = new BasePasswordHasher()

  it('test_attributes', () => {
    expect(hasher.algorithm).toBeNull()
    expect(hasher.library).toBeNull()
  })

  it('test_encode', () => {
    expect(() => hasher.encode('password', 'salt')).toThrow(new NotImplementedError(not_implemented_msg('an encode')))
  })

  it('test_decode', () => {
    expect(() => hasher.decode('encoded')).toThrow(new NotImplementedError(not_implemented_msg('a decode')))
  })

  it('test_harden_runtime', () => {
    const { warnings } = catch_warnings(() => hasher.harden_runtime('password', 'encoded'))
    expect(warnings).toEqual([
      { category: 'Warning', message: 'subclasses of BasePasswordHasher should provide a harden_runtime() method' },
    ])
  })

  it('test_must_update', () => expect(hasher.must_update('encoded')).toBe(false))

  it('test_safe_summary', () => {
    expect(() => hasher.safe_summary('encoded')).toThrow(new NotImplementedError(not_implemented_msg('a safe_summary')))
  })

  it('test_verify', () => {
    expect(() => hasher.verify('password', 'encoded')).toThrow(new NotImplementedError(not_implemented_msg('a verify')))
  })
})

describe('PasswordHasherSettings', () => {
  it('hashers are looked up by dotted name, in order, once per PASSWORD_HASHERS list', () =>
    fast(() => {
      const hashers = get_hashers()
      expect(hashers.map((h) => h.algorithm)).toEqual(['pbkdf2_sha256', 'pbkdf2_sha1'])
      expect(hashers[0]).toBeInstanceOf(PBKDF2FastHasher)
      expect(get_hashers()).toBe(hashers)
    }))

  it('an unregistered dotted name is an ImportError, a hasher without algorithm ImproperlyConfigured', () => {
    override_settings({ PASSWORD_HASHERS: ['myproject.hashers.Missing'] }, () => {
      expect(() => get_hasher()).toThrow(new ImportError("No module named 'myproject.hashers'"))
    })
    override_settings({ PASSWORD_HASHERS: ['auth_tests.test_hashers.NamelessHasher'] }, () => {
      expect(() => get_hasher()).toThrow(
        new ImproperlyConfigured("hasher doesn't specify an algorithm name: auth_tests.test_hashers.NamelessHasher"),
      )
    })
  })

  it('tampered, truncated and unknown hashes make check_password false, never an error', () =>
    fast(() => {
      const good = make_password('secret', 'fixedsalt12345')
      const bad = [
        good.slice(0, -1),
        good.replace('$1000$', '$abc$'),
        good.replace('$1000$', '$0$'),
        good.replace('$1000$', '$-5$'),
        'pbkdf2_sha256$1000$fixedsalt12345',
        'pbkdf2_sha256$',
        'pbkdf2_sha256',
        'argon2$argon2id$v=19$m=102400,t=2,p=8$c2FsdA$aGFzaA',
        'bcrypt_sha256$$2b$12$abc',
        '',
        '$$$',
        'x'.repeat(32),
      ]
      for (const encoded of bad) expect(check_password('secret', encoded)).toBe(false)
      expect(check_password('secret', null)).toBe(false)
    }))
})
