/** Every password hash and session auth hash real Django 5.2.19 produced (conformance artifacts), reproduced byte for byte. */
import { describe, expect, it } from 'vitest'
import { override_settings, with_settings } from '../conf/context.ts'
import { make_settings } from '../conf/settings.ts'
import { register_import } from '../core/module-loading.ts'
import {
  check_password,
  get_hasher,
  make_password,
  PBKDF2PasswordHasher,
  PBKDF2SHA1PasswordHasher,
} from '../auth/hashers.ts'
import { User } from '../auth/models.ts'
import artifacts from './fixtures/artifacts.json'

// Django 5.2's default PASSWORD_HASHERS (1,000,000 iterations) and the oracle's SECRET_KEY.
const oracle_settings = make_settings({ SECRET_KEY: artifacts.secret_key })
const oracle = <T>(fn: () => T): T => with_settings(oracle_settings, fn)

// Only used where the answer cannot depend on the work factor (the decoy hash of an unusable password).
class QuickHasher extends PBKDF2PasswordHasher {
  override iterations = 1
}
register_import('tests.artifacts_auth.QuickHasher', QuickHasher)

describe('make_password_default', () => {
  it('encodes with 1,000,000 PBKDF2-SHA256 iterations, as Django 5.2 does', () => {
    const { password, salt, encoded, default_iterations } = artifacts.make_password_default
    oracle(() => {
      expect((get_hasher() as PBKDF2PasswordHasher).iterations).toBe(default_iterations)
      expect(make_password(password, salt)).toBe(encoded)
    })
  })
})

describe('check_password', () => {
  for (const { password, encoded, result } of artifacts.check_password) {
    it(`check_password(${JSON.stringify(password)}, ${JSON.stringify(encoded.slice(0, 24))}…) is ${result}`, () => {
      const overrides = encoded.startsWith('!') ? { PASSWORD_HASHERS: ['tests.artifacts_auth.QuickHasher'] } : {}
      oracle(() => override_settings(overrides, () => expect(check_password(password, encoded)).toBe(result)))
    })
  }
})

describe('pbkdf2_sha256', () => {
  const hasher = new PBKDF2PasswordHasher()
  for (const { password, salt, iterations, encoded } of artifacts.pbkdf2_sha256) {
    it(`${iterations} iterations of ${JSON.stringify(password)}`, () => {
      if (iterations === artifacts.make_password_default.default_iterations) {
        // The same value make_password_default computes; hashing it twice would only cost a second.
        expect(encoded).toBe(artifacts.make_password_default.encoded)
        expect(password).toBe(artifacts.make_password_default.password)
        return
      }
      expect(hasher.encode(password, salt, iterations)).toBe(encoded)
      expect(hasher.decode(encoded)).toEqual({ algorithm: 'pbkdf2_sha256', iterations, salt, hash: encoded.split('$')[3] })
      if (iterations <= 1000) expect(hasher.verify(password, encoded)).toBe(true)
    })
  }
})

describe('pbkdf2_sha1', () => {
  const hasher = new PBKDF2SHA1PasswordHasher()
  for (const { password, salt, iterations, encoded } of artifacts.pbkdf2_sha1) {
    it(`${iterations} iterations of ${JSON.stringify(password)}`, () => {
      expect(hasher.encode(password, salt, iterations)).toBe(encoded)
      expect(hasher.verify(password, encoded)).toBe(true)
      expect(hasher.verify(password + 'x', encoded)).toBe(false)
    })
  }
})

describe('oracle_users', () => {
  for (const { username, password, salt, encoded, session_auth_hash } of artifacts.oracle_users) {
    it(`${username}: the stored hash and the session auth hash login puts in the session`, () => {
      oracle(() => {
        expect(make_password(password, salt)).toBe(encoded)
        const user = new User({ username, password: encoded })
        expect(user.get_session_auth_hash()).toBe(session_auth_hash)
      })
    })
  }
})
