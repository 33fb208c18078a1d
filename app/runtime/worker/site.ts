/**
 * A site built from the project's files: its settings, its database (users, sessions), its URLconf
 * and middleware, kept alive between requests until the code changes.
 */
import {
  Database,
  make_settings,
  register_import,
  set_database,
  User,
  with_settings,
  type Settings,
  type SettingsOverrides,
} from '../../engine/index.ts'
import { PBKDF2PasswordHasher } from '../../engine/auth/hashers-pbkdf2.ts'
import { unregister_import } from '../../engine/core/module-loading.ts'
import type { AsyncClientHandler } from '../../engine/testing/async-client.ts'
import type { ClientHandler } from '../../engine/testing/client-handler.ts'
import { DJANGO_MODULES } from '../django/index.ts'
import type { BuildResult, ConsoleEntry, ProjectFiles, SiteUser } from '../protocol.ts'
import { has_async_views, site_handler } from './clients.ts'
import { capturing_console } from './console-capture.ts'
import { seen_error } from './errors.ts'
import { InstrumentationMiddleware, INSTRUMENT_MIDDLEWARE } from './instrument.ts'
import { Linker, module_name } from './linker.ts'
import { BuildError } from './transpile.ts'

/** PBKDF2-SHA256 at 20,000 iterations: Django's million take seconds per login in a browser worker. */
export class FastPBKDF2PasswordHasher extends PBKDF2PasswordHasher {
  override iterations = 20_000
}

/** The fast hasher's dotted name, for a project's PASSWORD_HASHERS. */
export const FAST_HASHER = 'playground.hashers.FastPBKDF2PasswordHasher'
register_import(FAST_HASHER, FastPBKDF2PasswordHasher)
register_import(INSTRUMENT_MIDDLEWARE, InstrumentationMiddleware)

/** Files the build never evaluates: the request script runs only when asked to. */
export const SCRIPT_FILE = 'requests.ts'

/** Used when the project's settings give no SECRET_KEY (Django refuses to sign without one). */
const PLAYGROUND_SECRET_KEY = 'playground-insecure-not-secret'

/** A declared user in `settings.ts`. */
interface DeclaredUser {
  username: string
  password?: string | null
  email?: string | null
  is_staff?: boolean
  is_superuser?: boolean
  is_active?: boolean
}

/** A live site: everything one project needs to answer requests. */
export interface Site {
  files: ProjectFiles
  /** The project's file names (to find the user's frames in stacks). */
  file_names: Set<string>
  linker: Linker
  settings: Settings
  database: Database
  /** Dotted names this site registered, dropped when it is replaced. */
  registered: string[]
  /** True when a view is async: requests then go through AsyncClient. */
  is_async: boolean
  /** Handlers per client kind and CSRF mode, kept so middleware instances live as long as the site. */
  handlers: Map<string, ClientHandler | AsyncClientHandler>
}

/** The site's users as the login actions list them. */
export function site_users(): SiteUser[] {
  return User.objects.all().map((u) => ({
    id: u.id ?? 0,
    username: u.username,
    is_active: u.is_active,
    is_staff: u.is_staff,
    is_superuser: u.is_superuser,
  }))
}

function site_settings(overrides: Record<string, unknown>): Settings {
  const hosts = Array.isArray(overrides.ALLOWED_HOSTS) ? (overrides.ALLOWED_HOSTS as string[]) : []
  const middleware = Array.isArray(overrides.MIDDLEWARE) ? (overrides.MIDDLEWARE as string[]) : []
  return make_settings({
    SECRET_KEY: PLAYGROUND_SECRET_KEY,
    ROOT_URLCONF: 'urls',
    ...(overrides as SettingsOverrides),
    // As Django's test runner does, so the test client's `testserver` host is always allowed.
    ALLOWED_HOSTS: hosts.includes('testserver') ? hosts : [...hosts, 'testserver'],
    MIDDLEWARE: [...middleware, INSTRUMENT_MIDDLEWARE],
  })
}

function fail(error: unknown, files: Set<string>, console: ConsoleEntry[]): { site: null; result: BuildResult } {
  return { site: null, result: { ok: false, error: seen_error(error, files), users: [], console } }
}

/** Drops what a site registered (its modules' dotted names). */
export function dispose_site(site: Site | null): void {
  for (const name of site?.registered ?? []) unregister_import(name)
}

/**
 * Builds a site from the project; a syntax, import or settings error gives `ok: false` with file:line.
 * The previous site's database carries over (sessions, users, whatever views stored), as Django's
 * runserver keeps its database across a code reload: editing a view does not log anyone out.
 */
export async function build_site(
  files: ProjectFiles,
  previous: Database | null = null,
): Promise<{ site: Site | null; result: BuildResult }> {
  const file_names = new Set(Object.keys(files))
  const console: ConsoleEntry[] = []
  const registered: string[] = []
  try {
    return await capturing_console(console, () => {
      const linker = new Linker(files, DJANGO_MODULES)
      if (!linker.has('settings.ts')) throw new BuildError('ImproperlyConfigured: the project has no settings.ts', 'settings.ts', 1, 1)
      const module = linker.load('settings.ts')
      const overrides = module.settings
      if (overrides === null || typeof overrides !== 'object') {
        throw new BuildError('ImproperlyConfigured: settings.ts must export `settings` (an object)', 'settings.ts', 1, 1)
      }
      const settings = site_settings(overrides as Record<string, unknown>)
      const database = previous ?? new Database()
      set_database(database)
      const site = with_settings(settings, () => {
        for (const file of linker.files) {
          if (file === SCRIPT_FILE) continue
          const exports = linker.load(file)
          const name = module_name(file)
          // Settings name project objects by dotted path (`middleware.Timing`, `urls`), as Django imports them.
          const register = (dotted: string, value: unknown) => registered.push((register_import(dotted, value), dotted))
          register(name, exports)
          for (const [key, value] of Object.entries(exports)) register(`${name}.${key}`, value)
        }
        check_urlconf(linker, settings)
        const site: Site = { files, file_names, linker, settings, database, registered, is_async: has_async_views(settings.ROOT_URLCONF), handlers: new Map() }
        // Loading the middleware now turns a bad MIDDLEWARE entry into a build error, not a failed request.
        site_handler(site, site.is_async, true)
        create_users(module.users)
        return site
      })
      return { site, result: { ok: true, error: null, users: with_settings(settings, site_users), console } }
    })
  } catch (error) {
    for (const name of registered) unregister_import(name)
    return fail(error, file_names, console)
  }
}

function check_urlconf(linker: Linker, settings: Settings): void {
  const file = linker.files.find((f) => module_name(f) === settings.ROOT_URLCONF)
  if (!file) return
  const exports = linker.load(file)
  if (!Array.isArray(exports.urlpatterns)) {
    throw new BuildError(`ImproperlyConfigured: ${file} must export \`urlpatterns\` (a list of path() entries)`, file, 1, 1)
  }
}

/** Creates the declared users; one that already exists (a rebuild) gets the declared flags and password. */
function create_users(users: unknown): void {
  if (users === undefined || users === null) return
  if (!Array.isArray(users)) throw new BuildError('ImproperlyConfigured: settings.ts `users` must be a list', 'settings.ts', 1, 1)
  for (const u of users as DeclaredUser[]) {
    const { username, password = null, email = null, ...flags } = u
    const existing = User.objects.filter({ username: String(username) })[0]
    if (existing === undefined) {
      User.objects.create_user(String(username), email, password, flags)
      continue
    }
    Object.assign(existing, flags, email === null ? {} : { email })
    // Only a changed password is re-hashed, so the session auth hash (and the login) survives.
    if (password === null ? existing.has_usable_password() : !existing.check_password(password)) existing.set_password(password)
    existing.save()
  }
}
