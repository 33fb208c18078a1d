/** Port of oracle_site.py (settings, users, clock): the Django project the conformance cases ran against. */
import { make_password } from '../../app/engine/auth/hashers.ts'
import { User } from '../../app/engine/auth/models.ts'
import { make_settings, type Settings, type SettingsOverrides } from '../../app/engine/conf/settings.ts'
import { Database, set_database } from '../../app/engine/db/connection.ts'
// The engine registers its classes under Django's dotted names when these modules load; the
// settings below name them, so they must be loaded before any case runs.
import '../../app/engine/auth/backends.ts'
import '../../app/engine/auth/hashers-pbkdf2.ts'
import '../../app/engine/auth/middleware.ts'
import '../../app/engine/csrf/middleware.ts'
import '../../app/engine/csrf/views.ts'
import '../../app/engine/middleware/common.ts'
import '../../app/engine/sessions/backends/db.ts'
import '../../app/engine/sessions/backends/signed-cookies.ts'
import '../../app/engine/sessions/middleware.ts'
import '../../app/engine/sessions/serializers.ts'
import '../../app/engine/views/defaults.ts'

/** The oracle's SECRET_KEY (artifacts.json was computed with it too). */
export const SECRET_KEY = 'playground-oracle-secret-key'

/** The oracle clock: frozen at this POSIX time for every case (2023-11-14T22:13:20Z). */
export const FROZEN_EPOCH = 1700000000

/** The dotted name the site's URLconf is registered under (ROOT_URLCONF). */
export const ROOT_URLCONF = 'conformance_site.urls'

/** The oracle's MIDDLEWARE, as Django's dotted paths. */
export const MIDDLEWARE_FULL: readonly string[] = [
  'django.contrib.sessions.middleware.SessionMiddleware',
  'django.middleware.common.CommonMiddleware',
  'django.middleware.csrf.CsrfViewMiddleware',
  'django.contrib.auth.middleware.AuthenticationMiddleware',
]

/** oracle_site.BASE_SETTINGS, for the settings the engine reads (apps, databases and templates have no counterpart). */
export const BASE_SETTINGS: SettingsOverrides = {
  DEBUG: false,
  SECRET_KEY,
  ALLOWED_HOSTS: ['testserver', 'example.com', 'localhost'],
  USE_TZ: true,
  TIME_ZONE: 'UTC',
  ROOT_URLCONF,
  MIDDLEWARE: MIDDLEWARE_FULL,
  SESSION_ENGINE: 'django.contrib.sessions.backends.db',
  PASSWORD_HASHERS: [
    'django.contrib.auth.hashers.PBKDF2PasswordHasher',
    'django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher',
  ],
}

// Settings a case gives as a JSON list that Django wants as a tuple (the same thing here).
const TUPLE_SETTINGS = new Set(['SECURE_PROXY_SSL_HEADER'])

/** The site's settings with a case's overrides (`override_settings(**case['settings'])`) on top. */
export function site_settings(overrides: Record<string, unknown> = {}): Settings {
  const ov: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(overrides)) ov[k] = TUPLE_SETTINGS.has(k) && Array.isArray(v) ? [...v] : v
  return make_settings({ ...BASE_SETTINGS, ...(ov as SettingsOverrides) })
}

/** username, password, is_active, is_staff (pk 1, 2, 3 in this order). */
export const USERS: ReadonlyArray<readonly [string, string, boolean, boolean]> = [
  ['fred', 'secret', true, false],
  ['alice', 'p\u00e4ssw\u00f6rd \u2603', true, true],
  ['inactive', 'secret', false, false],
]

/** The fixed 24-character salt of a user's password hash, so session auth hashes are deterministic. */
export function user_salt(username: string): string {
  return ('oraclesalt' + username + 'x'.repeat(24)).slice(0, 24)
}

// A million PBKDF2 rounds per hash: computed once per process, as the oracle creates its users once.
const hashes = new Map<string, string>()

function password_hash(username: string, password: string): string {
  let encoded = hashes.get(username)
  if (encoded === undefined) {
    encoded = make_password(password, user_salt(username))
    hashes.set(username, encoded)
  }
  return encoded
}

/**
 * A fresh database holding the three users (the oracle rolls each case back to this state).
 * Call with the site's settings active: PASSWORD_HASHERS picks the hasher.
 */
export function setup_database(): Database {
  const db = new Database()
  set_database(db)
  for (const [username, password, is_active, is_staff] of USERS) {
    User.objects.create({ username, password: password_hash(username, password), is_active, is_staff })
  }
  return db
}
