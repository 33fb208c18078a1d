/**
 * The engine's public entry point: Django 5.2's request/response machinery in TypeScript.
 * Names follow Django's (see README.md); modules mirror Django's packages, so code written
 * against `django.http` reads the same here.
 */

// django.http
export {
  BadHeaderError,
  BytesFile,
  DjangoJSONEncoder,
  FileResponse,
  Http404,
  HttpHeaders,
  HttpRequest,
  HttpResponse,
  HttpResponseBadRequest,
  HttpResponseBase,
  HttpResponseForbidden,
  HttpResponseGone,
  HttpResponseNotAllowed,
  HttpResponseNotFound,
  HttpResponseNotModified,
  HttpResponsePermanentRedirect,
  HttpResponseRedirect,
  HttpResponseServerError,
  JsonResponse,
  MediaType,
  parse_cookie,
  QueryDict,
  RawPostDataException,
  SimpleCookie,
  StreamingHttpResponse,
  UnreadablePostError,
} from './http/index.ts'
export type { FileLike } from './http/index.ts'

// django.core.exceptions and django.utils.datastructures
export {
  BadRequest,
  DisallowedHost,
  DisallowedRedirect,
  ImproperlyConfigured,
  MultiValueDict,
  MultiValueDictKeyError,
  PermissionDenied,
  RequestDataTooBig,
  SuspiciousOperation,
  TooManyFieldsSent,
  TooManyFilesSent,
} from './core/index.ts'

// django.http.multipartparser and django.core.files
export {
  FileUploadHandler,
  InMemoryUploadedFile,
  MemoryFileUploadHandler,
  MultiPartParser,
  MultiPartParserError,
  SimpleUploadedFile,
  TemporaryFileUploadHandler,
  TemporaryUploadedFile,
  UploadedFile,
} from './multipart/index.ts'

// django.test.client encoders
export { BOUNDARY, encode_file, encode_multipart, MULTIPART_CONTENT } from './testing/index.ts'

import './builtins.ts'

// django.conf
export { global_settings, make_settings, override_settings, with_settings } from './conf/index.ts'
export type { Settings, SettingsOverrides } from './conf/index.ts'

// Time and randomness
export { frozen_clock, with_clock } from './core/index.ts'
export type { Clock } from './core/index.ts'

// django.urls and django.shortcuts
export { include, path, re_path, register_converter, resolve, reverse, Resolver404, NoReverseMatch } from './urls/index.ts'
export { redirect, resolve_url } from './shortcuts.ts'

// django.contrib.sessions, django.contrib.auth, CSRF
export { SessionMiddleware } from './sessions/index.ts'
export {
  AnonymousUser,
  authenticate,
  AuthenticationMiddleware,
  check_password,
  get_user,
  login,
  login_required,
  logout,
  make_password,
  User,
} from './auth/index.ts'
export {
  CsrfViewMiddleware,
  csrf_exempt,
  csrf_protect,
  ensure_csrf_cookie,
  get_token,
  requires_csrf_token,
  rotate_token,
} from './csrf/index.ts'

// django.views.decorators.http and django.middleware.common
export { require_GET, require_http_methods, require_POST, require_safe } from './views/index.ts'
export { CommonMiddleware } from './middleware/index.ts'

// django.test
export { AsyncClient, AsyncRequestFactory, Client, RedirectCycleError, RequestFactory } from './testing/index.ts'

// The handlers and the site's database
export { ASGIHandler, BaseHandler, fetch_handler } from './handlers/index.ts'
export { Database, get_database, set_database, with_database } from './db/index.ts'

// Dotted names (MIDDLEWARE, PASSWORD_HASHERS, ...) and signals
export { import_string, register_import } from './core/index.ts'
export { Signal } from './dispatch/index.ts'

// Django's module-style namespaces: `signing.dumps(obj)` as in `from django.core import signing`.
export * as signing from './signing/index.ts'
export * as http from './http/index.ts'
export * as core from './core/index.ts'
export * as handlers from './handlers/index.ts'
export * as multipart from './multipart/index.ts'
export * as sessions from './sessions/index.ts'
export * as auth from './auth/index.ts'
export * as csrf from './csrf/index.ts'
export * as urls from './urls/index.ts'
export * as views from './views/index.ts'
export * as middleware from './middleware/index.ts'
export * as testing from './testing/index.ts'
export * as db from './db/index.ts'
export * as dispatch from './dispatch/index.ts'
