/** Unit and property tests of the django.core.signing port: spec §7.6 vectors, edge cases, round trips, tampering. */
import { Buffer } from 'node:buffer'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { override_settings } from '../conf/context.ts'
import { frozen_clock, with_clock } from '../core/clock.ts'
import { pbkdf2, salted_hmac } from '../core/crypto.ts'
import { UnicodeEncodeError } from '../core/encoding.ts'
import { ImportError, LookupError, ValueError } from '../core/exceptions.ts'
import {
  b62_decode,
  b62_encode,
  b64_decode,
  b64_encode,
  BadSignature,
  cookie_signer_legacy_salt,
  cookie_signer_salt,
  dumps,
  get_cookie_signer,
  json_loads,
  JSONSerializer,
  loads,
  SignatureExpired,
  Signer,
  TimestampSigner,
  unsign_cookie,
  ZlibError,
} from './signing.ts'

const T = 1700000000
const at = <R>(now: number, fn: () => R): R => with_clock(frozen_clock(now), fn)
const enc = new TextEncoder()
const dec = new TextDecoder()

describe('spec §7.6 vectors', () => {
  it('Signer(key="predictable-secret") signs foo with any valid separator', () => {
    for (const sep of [':', '/', '*sep*', ',']) {
      expect(new Signer({ key: 'predictable-secret', sep }).sign('foo')).toBe(`foo${sep}jZQoX_FtSO70jX9HLRGg2A_2s4kdDBxz1QoO_OpEQb0`)
    }
  })

  it('signs with sha512 and with a non-UTF-8 bytes key', () => {
    expect(new Signer({ key: 'predictable-secret', algorithm: 'sha512' }).signature('hello')).toBe(
      'Usf3uVQOZ9m6uPfVonKR-EBXjPe7bjMbp3_Fq8MfsptgkkM1ojidN0BxYaT5HAEN1VzO9_jVu7R-VkqknHYNvw',
    )
    expect(new Signer({ key: Uint8Array.of(0xe7) }).sign('foo')).toBe('foo:EE4qGC5MEKyQG5msxYA0sBohAxLC0BJf8uRhemh0BGU')
  })

  it('TimestampSigner(key="predictable-key") at 123456789', () => {
    expect(at(123456789, () => new TimestampSigner({ key: 'predictable-key' }).sign('hello'))).toBe(
      'hello:8M0kX:0pJB1_TN9Bno2aK29thnZKKHn76ngzcQVnIrp_DNs5M',
    )
    expect(b62_encode(123456789)).toBe('8M0kX')
    expect(b62_encode(1700000000)).toBe('1r31eq')
  })

  it('dumps at 1700000000, compressed only when shorter', () => {
    at(T, () => {
      const plain = 'eyJhIjoiYiJ9:1r31eq:ktV0H1cNQF9AFxTSYzbUZSe5Vb7QlAumI-dbudhWwUA'
      expect(dumps({ a: 'b' }, { key: 'secret' })).toBe(plain)
      expect(dumps({ a: 'b' }, { key: 'secret', compress: true })).toBe(plain)
      expect(dumps({ k: 'x'.repeat(100) }, { key: 'secret', compress: true })).toBe(
        '.eJyrVspWslKqoANQqgUAQEsxBg:1r31eq:eTEcwoCSv-OXQ65ZiUmY0DaSMQRrE6f_Lb8hF-CcY6w',
      )
      expect(dumps({ foo: 'bar' }, { key: 'secret', salt: 'django.contrib.sessions.SessionStore' })).toBe(
        'eyJmb28iOiJiYXIifQ:1r31eq:tQANHVy2y6WP5KGlPXSlUPMeU1_38TcTtziMLxCCU2U',
      )
    })
  })

  it('loads a CPython-compressed signed_cookies session', () => {
    const cookie =
      '.eJyrVopPLC3JiC8tTi2Kz0xRslIyVNJBFktKTM5OzQNJpGQl5qXn6yXn55UUZSbpgZToQWWL9XzzU1JznKBqUQzISCzOAOpOTEpWqgUAjnEncw:1r31eq:2mUbswwqAGuRTkL0vb0PnN4sXT8M0XDNbHuYhBZh6uo'
    const session = {
      _auth_user_id: '1',
      _auth_user_backend: 'django.contrib.auth.backends.ModelBackend',
      _auth_user_hash: 'abc',
    }
    at(T, () => {
      expect(loads(cookie, { key: 'secret', salt: 'django.contrib.sessions.backends.signed_cookies' })).toEqual(session)
    })
  })

  it('signs the legacy-salted cookie of §7.5 and the v2 one differently', () => {
    override_settings({ SECRET_KEY: 'secret' }, () =>
      at(T, () => {
        expect(get_cookie_signer({ salt: cookie_signer_legacy_salt('c', 's') }).sign('hello')).toBe(
          'hello:1r31eq:5os3so3V4Wm5EN933TGQ7aZUzJlyPuyZRx88S6XFaAk',
        )
        const v2 = get_cookie_signer({ salt: cookie_signer_salt('c', 's') }).sign('hello')
        expect(v2).not.toBe('hello:1r31eq:5os3so3V4Wm5EN933TGQ7aZUzJlyPuyZRx88S6XFaAk')
        expect(unsign_cookie('c', v2, { salt: 's' })).toBe('hello')
      }),
    )
  })

  it('session auth hash of make_password("lètmein", "seasalt")', (ctx) => {
    const encoded = 'pbkdf2_sha256$1000000$seasalt$r1uLUxoxpP2Ued/qxvmje7UH9PUJBkRrvf9gGPL7Cps='
    const hash = salted_hmac('django.contrib.auth.models.AbstractBaseUser.get_session_auth_hash', encoded, {
      secret: 'secret',
      algorithm: 'sha256',
    })
    expect(hash.hexdigest()).toBe('01832980fcab16bce4eed9ceebf2574575daad13d7ec78b434543e98d0483e2c')
    const started = performance.now()
    pbkdf2('lètmein', 'seasalt', 20000)
    if ((performance.now() - started) * 50 > 5000) ctx.skip('1,000,000 PBKDF2 iterations would take over 5 s here')
    expect(Buffer.from(pbkdf2('lètmein', 'seasalt', 1000000)).toString('base64')).toBe('r1uLUxoxpP2Ued/qxvmje7UH9PUJBkRrvf9gGPL7Cps=')
  }, 30000)

  it('rejects the spec tamperings', () => {
    const signer = new Signer({ key: 'predictable-secret' })
    const signed = signer.sign('Another string')
    for (const bad of [signed.toUpperCase(), signed + 'a', 'a' + signed.slice(1), signed.replaceAll(':', '')]) {
      expect(() => signer.unsign(bad)).toThrow(BadSignature)
    }
  })
})

describe('base62', () => {
  it('handles zero, negatives and the alphabet ends', () => {
    expect(b62_encode(0)).toBe('0')
    expect(b62_encode(61)).toBe('z')
    expect(b62_encode(62)).toBe('10')
    expect(b62_encode(-1)).toBe('-1')
    expect(b62_encode(-62)).toBe('-10')
    expect(b62_decode('-z')).toBe(-61)
    expect(b62_decode('00')).toBe(0)
    expect(Object.is(b62_decode('-'), 0)).toBe(true)
    expect(Object.is(b62_decode('-0'), 0)).toBe(true)
    expect(b62_encode(2 ** 53)).toBe('fFgnDxSe8')
  })

  it('raises ValueError for characters outside the alphabet and IndexError for ""', () => {
    expect(() => b62_decode('1r31e!')).toThrow(new ValueError('substring not found'))
    expect(() => b62_decode('é')).toThrow(ValueError)
    expect(() => b62_decode('')).toThrow(LookupError)
  })

  it('round-trips safe integers', () => {
    fc.assert(fc.property(fc.maxSafeInteger(), (n) => b62_decode(b62_encode(n)) === n))
  })
})

describe('base64', () => {
  it('decodes like CPython (verified with base64.urlsafe_b64decode)', () => {
    const cases: [string, string][] = [
      ['YQ', 'a'],
      ['YQ==', 'a'],
      ['YW=Jj', 'abc'],
      ['YWJj=', 'abc'],
      ['+/8', '\u00fb\u00ff'],
      ['-_8', '\u00fb\u00ff'],
      ['YQ==YQ', 'a'],
    ]
    for (const [input, bytes] of cases) expect(String.fromCharCode(...b64_decode(input))).toBe(bytes)
  })

  it('raises ValueError with binascii messages', () => {
    expect(() => b64_decode('Y Q')).toThrow(new ValueError('Incorrect padding'))
    expect(() => b64_decode(Uint8Array.of(0xff, 0x59, 0x51))).toThrow(new ValueError('Incorrect padding'))
    expect(() => b64_decode('abcde')).toThrow(
      'Invalid base64-encoded string: number of data characters (5) cannot be 1 more than a multiple of 4',
    )
    expect(() => b64_decode('é')).toThrow('string argument should contain only ASCII characters')
  })

  it('round-trips bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array(), (bytes) => {
        expect(b64_decode(b64_encode(bytes))).toEqual(bytes)
      }),
    )
  })
})

describe('Signer edge cases', () => {
  it('rejects separators Python\'s regex calls unsafe, including A-z punctuation and one trailing newline', () => {
    for (const sep of ['a\n', '\n', '[', '\\', '`', '^', '_', '=']) {
      expect(() => new Signer({ sep })).toThrow(ValueError)
    }
    expect(() => new Signer({ sep: 'a\n' })).toThrow("Unsafe Signer separator: 'a\\n' (cannot be empty")
    for (const sep of ['~', 'a\n\n', ':', '.']) expect(new Signer({ key: 'k', sep }).sep).toBe(sep)
  })

  it('falls back to SECRET_KEY for an empty key and uses the class path as default salt', () => {
    override_settings({ SECRET_KEY: 'sk' }, () => {
      expect(new Signer({ key: '' }).sign('v')).toBe(new Signer({ key: 'sk' }).sign('v'))
      expect(new Signer({ key: new Uint8Array() }).key).toBe('sk')
    })
    expect(new Signer({ key: 'k' }).salt).toBe('django.core.signing.Signer')
    expect(new TimestampSigner({ key: 'k' }).salt).toBe('django.core.signing.TimestampSigner')
    expect(new Signer({ key: 'k' }).algorithm).toBe('sha256')
  })

  it('reports the separator and the signature it rejected', () => {
    const signer = new Signer({ key: 'k', sep: '/' })
    expect(() => signer.unsign('value')).toThrow(new BadSignature('No "/" found in value'))
    expect(() => signer.unsign('a/b/xyz')).toThrow(new BadSignature('Signature "xyz" does not match'))
  })

  it('refuses text Python cannot encode as UTF-8 (lone surrogates)', () => {
    expect(() => new Signer({ key: 'k' }).sign('a\ud800')).toThrow(UnicodeEncodeError)
  })

  it('plain Signer.unsign takes no max_age, like Python', () => {
    expect(() => new Signer({ key: 'k' }).unsign('x:y', { max_age: 1 })).toThrow(TypeError)
  })

  it('prints the age as a float and max_age as given', () => {
    const signer = new TimestampSigner({ key: 'k' })
    const signed = at(T, () => signer.sign('v'))
    at(T + 11, () => {
      expect(() => signer.unsign(signed, { max_age: 10 })).toThrow(new SignatureExpired('Signature age 11.0 > 10 seconds'))
      expect(() => signer.unsign(signed, { max_age: { total_seconds: () => 10 } })).toThrow(
        'Signature age 11.0 > 10.0 seconds',
      )
    })
    at(T + 11.5, () => {
      expect(() => signer.unsign(signed, { max_age: 11 })).toThrow('Signature age 11.5 > 11 seconds')
    })
    // Future timestamps pass.
    expect(at(T - 100, () => signer.unsign(signed, { max_age: 0 }))).toBe('v')
  })

  it('lets payload errors after a valid signature propagate', () => {
    const signer = new TimestampSigner({ key: 'k' })
    const notJson = signer.sign(String.fromCharCode(...b64_encode(enc.encode('{nope'))))
    expect(() => signer.unsign_object(notJson)).toThrow(ValueError)
    expect(() => signer.unsign_object(notJson)).not.toThrow(BadSignature)
    const notZlib = signer.sign('.' + String.fromCharCode(...b64_encode(enc.encode('garbage'))))
    expect(() => signer.unsign_object(notZlib)).toThrow(new ZlibError('Error -3 while decompressing data: incorrect header check'))
  })

  it('accepts a custom serializer class or instance', () => {
    class Upper {
      dumps(obj: unknown) {
        return enc.encode(String(obj).toUpperCase())
      }
      loads(data: Uint8Array) {
        return dec.decode(data)
      }
    }
    const signer = new Signer({ key: 'k' })
    expect(signer.unsign_object(signer.sign_object('abc', { serializer: Upper }), { serializer: Upper })).toBe('ABC')
    expect(signer.unsign_object(signer.sign_object('abc', { serializer: new Upper() }), { serializer: new Upper() })).toBe('ABC')
  })
})

describe('JSONSerializer', () => {
  it('writes compact ASCII JSON and reads it back, including NaN and Infinity', () => {
    const serializer = new JSONSerializer()
    expect(dec.decode(serializer.dumps({ a: [1, 2.5, 'é'], b: null }))).toBe('{"a":[1,2.5,"\\u00e9"],"b":null}')
    const nan = serializer.dumps({ x: NaN, y: Infinity, z: -Infinity, s: 'NaN' })
    expect(dec.decode(nan)).toBe('{"x":NaN,"y":Infinity,"z":-Infinity,"s":"NaN"}')
    expect(serializer.loads(nan)).toEqual({ x: NaN, y: Infinity, z: -Infinity, s: 'NaN' })
  })

  it('reads bytes as latin-1, as Django 5.2 does', () => {
    expect(new JSONSerializer().loads(Uint8Array.of(0x22, 0xc3, 0xa9, 0x22))).toBe('\u00c3\u00a9')
    expect(() => json_loads('{')).toThrow(ValueError)
  })
})

describe('cookie signer', () => {
  it('keys cookie signatures with b"django.http.cookies" + SECRET_KEY and honours SECRET_KEY_FALLBACKS', () => {
    const old = override_settings({ SECRET_KEY: 'old' }, () => at(T, () => get_cookie_signer({ salt: 'x' }).sign('v')))
    override_settings({ SECRET_KEY: 'new', SECRET_KEY_FALLBACKS: ['old'] }, () =>
      at(T, () => expect(get_cookie_signer({ salt: 'x' }).unsign(old)).toBe('v')),
    )
    override_settings({ SECRET_KEY: 'new' }, () => at(T, () => expect(() => get_cookie_signer({ salt: 'x' }).unsign(old)).toThrow(BadSignature)))
    const plain = override_settings({ SECRET_KEY: 'old' }, () => at(T, () => new TimestampSigner({ salt: 'x' }).sign('v')))
    expect(plain).not.toBe(old)
    expect(get_cookie_signer().salt).toBe('django.core.signing.get_cookie_signer')
  })

  it('counts the salt length in code points', () => {
    expect(cookie_signer_salt('n', '😀é')).toBe('django.http.cookies.v2:2:😀én')
    expect(cookie_signer_salt('n')).toBe('django.http.cookies.v2:0:n')
  })

  it('keeps (name, salt) pairs apart, unless the legacy fallback accepts the old salt', () => {
    override_settings({ SECRET_KEY: 'k' }, () => {
      const signed = get_cookie_signer({ salt: cookie_signer_salt('a', 'bc') }).sign('hello')
      expect(() => unsign_cookie('ab', signed, { salt: 'c' })).toThrow(BadSignature)
      const legacy = get_cookie_signer({ salt: cookie_signer_legacy_salt('a', 'bc') }).sign('hello')
      expect(unsign_cookie('ab', legacy, { salt: 'c' })).toBe('hello')
      expect(unsign_cookie('a', legacy, { salt: 'bc' })).toBe('hello')
      override_settings({ SIGNED_COOKIE_LEGACY_SALT_FALLBACK: false }, () => {
        expect(() => unsign_cookie('a', legacy, { salt: 'bc' })).toThrow(BadSignature)
      })
    })
  })

  it('raises SignatureExpired for an expired legacy cookie and never falls back from an expired v2 one', () => {
    override_settings({ SECRET_KEY: 'k' }, () => {
      const legacy = at(123456789, () => get_cookie_signer({ salt: cookie_signer_legacy_salt('a', 'bc') }).sign('hello'))
      const v2 = at(123456789, () => get_cookie_signer({ salt: cookie_signer_salt('a', 'bc') }).sign('hello'))
      at(123456800, () => {
        expect(() => unsign_cookie('a', legacy, { salt: 'bc', max_age: 10 })).toThrow(SignatureExpired)
        expect(() => unsign_cookie('a', v2, { salt: 'bc', max_age: 10 })).toThrow(SignatureExpired)
        expect(unsign_cookie('a', v2, { salt: 'bc', max_age: 11 })).toBe('hello')
      })
    })
  })

  it('builds the SIGNING_BACKEND class', () => {
    override_settings({ SIGNING_BACKEND: 'django.core.signing.Signer' }, () => {
      const signer = get_cookie_signer({ salt: 's' })
      expect(signer).toBeInstanceOf(Signer)
      expect(signer).not.toBeInstanceOf(TimestampSigner)
      // get_signed_cookie passes max_age, which a plain Signer does not take.
      expect(() => unsign_cookie('c', signer.sign('v'))).toThrow(TypeError)
    })
    override_settings({ SIGNING_BACKEND: 'myapp.Nope' }, () => {
      expect(() => get_cookie_signer()).toThrow(new ImportError("No module named 'myapp'"))
    })
  })
})

// Separators Signer accepts: non-empty and not made only of [A-z0-9-_=] (plus one trailing newline).
const safeSep = fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }).filter((sep) => !/^[A-z0-9\-_=]*\n?$/.test(sep))
const text = fc.string({ unit: 'binary' })

describe('properties', () => {
  it('sign/unsign round-trips any text with any safe separator', () => {
    fc.assert(
      fc.property(text, safeSep, (value, sep) => {
        const signer = new Signer({ key: 'prop-key', sep })
        expect(signer.unsign(signer.sign(value))).toBe(value)
        const ts = new TimestampSigner({ key: 'prop-key', sep })
        expect(at(T, () => ts.unsign(ts.sign(value), { max_age: 0 }))).toBe(value)
      }),
    )
  })

  it('dumps/loads round-trips JSON values, with and without compression', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, compress) => {
        const expected = JSON.parse(JSON.stringify(value)) as unknown
        const signed = dumps(value, { key: 'prop-key', compress })
        expect(loads(signed, { key: 'prop-key' })).toEqual(expected)
      }),
    )
  })

  it('changing one character of the signature always raises BadSignature', () => {
    const signer = new Signer({ key: 'prop-key' })
    fc.assert(
      fc.property(text, fc.nat(), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), (value, where, replacement) => {
        const signed = signer.sign(value)
        const sigStart = signed.lastIndexOf(':') + 1
        const i = sigStart + (where % (signed.length - sigStart))
        fc.pre(signed[i] !== replacement)
        const tampered = signed.slice(0, i) + replacement + signed.slice(i + 1)
        expect(() => signer.unsign(tampered)).toThrow(BadSignature)
      }),
    )
  })
})
