/**
 * Loads every engine module that registers a Django dotted name (`core/module-loading.ts`), so
 * settings such as MIDDLEWARE, SESSION_ENGINE, PASSWORD_HASHERS, AUTHENTICATION_BACKENDS and
 * CSRF_FAILURE_VIEW resolve whatever the site imported itself. Django imports these lazily by
 * name; nothing can be imported by name here, so they are all loaded up front (they are small).
 */
import './auth/backends.ts'
import './auth/hashers-pbkdf2.ts'
import './auth/middleware.ts'
import './csrf/middleware.ts'
import './csrf/views.ts'
import './middleware/common.ts'
import './multipart/upload-handler.ts'
import './sessions/backends/db.ts'
import './sessions/backends/signed-cookies.ts'
import './sessions/middleware.ts'
import './sessions/serializers.ts'
import './signing/signing.ts'
import './views/defaults.ts'
