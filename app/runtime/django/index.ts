/**
 * The module names user code imports, mapped to what they provide. The runtime links a user's
 * `import { HttpResponse } from 'django/http'` to these; the editor's types come from the same files.
 */
import * as conf from './conf.ts'
import * as contrib_auth from './contrib-auth.ts'
import * as contrib_auth_decorators from './contrib-auth-decorators.ts'
import * as contrib_auth_hashers from './contrib-auth-hashers.ts'
import * as contrib_auth_models from './contrib-auth-models.ts'
import * as core_exceptions from './core-exceptions.ts'
import * as core_signing from './core-signing.ts'
import * as http from './http.ts'
import * as middleware_csrf from './middleware-csrf.ts'
import * as shortcuts from './shortcuts.ts'
import * as test from './test.ts'
import * as urls from './urls.ts'
import * as utils_deprecation from './utils-deprecation.ts'
import * as views_decorators_csrf from './views-decorators-csrf.ts'
import * as views_decorators_http from './views-decorators-http.ts'

/** Django module name → its exports, for the runtime's linker. */
export const DJANGO_MODULES: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  'django/conf': conf,
  'django/http': http,
  'django/urls': urls,
  'django/shortcuts': shortcuts,
  'django/contrib/auth': contrib_auth,
  'django/contrib/auth/models': contrib_auth_models,
  'django/contrib/auth/decorators': contrib_auth_decorators,
  'django/contrib/auth/hashers': contrib_auth_hashers,
  'django/views/decorators/http': views_decorators_http,
  'django/views/decorators/csrf': views_decorators_csrf,
  'django/middleware/csrf': middleware_csrf,
  'django/core/signing': core_signing,
  'django/core/exceptions': core_exceptions,
  'django/utils/deprecation': utils_deprecation,
  'django/test': test,
}

/** Django module name → the file (under app/runtime/django/) whose declarations the editor shows. */
export const DJANGO_MODULE_FILES: Readonly<Record<string, string>> = {
  'django/conf': 'conf.ts',
  'django/http': 'http.ts',
  'django/urls': 'urls.ts',
  'django/shortcuts': 'shortcuts.ts',
  'django/contrib/auth': 'contrib-auth.ts',
  'django/contrib/auth/models': 'contrib-auth-models.ts',
  'django/contrib/auth/decorators': 'contrib-auth-decorators.ts',
  'django/contrib/auth/hashers': 'contrib-auth-hashers.ts',
  'django/views/decorators/http': 'views-decorators-http.ts',
  'django/views/decorators/csrf': 'views-decorators-csrf.ts',
  'django/middleware/csrf': 'middleware-csrf.ts',
  'django/core/signing': 'core-signing.ts',
  'django/core/exceptions': 'core-exceptions.ts',
  'django/utils/deprecation': 'utils-deprecation.ts',
  'django/test': 'test.ts',
}
