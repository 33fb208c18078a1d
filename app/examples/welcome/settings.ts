/**
 * Settings: Django's defaults with these overrides on top. `users` are created when the site
 * builds, so the login form and the composer's one-click logins have someone to log in as.
 */
import type { SettingsOverrides } from 'django/conf'

export const settings: SettingsOverrides = {
  DEBUG: true,
  SECRET_KEY: 'playground-welcome-not-secret',
  MIDDLEWARE: [
    'django.contrib.sessions.middleware.SessionMiddleware',
    'django.middleware.common.CommonMiddleware',
    'django.middleware.csrf.CsrfViewMiddleware',
    'django.contrib.auth.middleware.AuthenticationMiddleware',
  ],
  // The playground's quick hasher first, so a login takes milliseconds rather than a second.
  PASSWORD_HASHERS: [
    'playground.hashers.FastPBKDF2PasswordHasher',
    'django.contrib.auth.hashers.PBKDF2PasswordHasher',
  ],
  LOGIN_URL: '/login/',
}

export const users = [
  { username: 'alice', password: 'wonderland', email: 'alice@example.com', is_staff: true },
  { username: 'bob', password: 'builder', email: 'bob@example.com' },
]
