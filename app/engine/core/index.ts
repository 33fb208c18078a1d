/** django.core.exceptions and the django.utils helpers the engine is built on. */

// Exceptions: Django's hierarchy and the Python built-ins it raises.
export {
  AppRegistryNotReady,
  AttributeError,
  BadRequest,
  DisallowedHost,
  DisallowedRedirect,
  EmptyResultSet,
  EngineInternalError,
  FieldDoesNotExist,
  FieldError,
  FullResultSet,
  ImportError,
  ImproperlyConfigured,
  KeyError,
  LookupError,
  MiddlewareNotUsed,
  MultipleObjectsReturned,
  NotImplementedError,
  ObjectDoesNotExist,
  OSError,
  PermissionDenied,
  PythonError,
  RequestAborted,
  RequestDataTooBig,
  RuntimeError,
  SuspiciousFileOperation,
  SuspiciousMultipartForm,
  SuspiciousOperation,
  SynchronousOnlyOperation,
  TooManyFieldsSent,
  TooManyFilesSent,
  UnicodeError,
  ValidationError,
  ValueError,
  ViewDoesNotExist,
} from './exceptions.ts'

// django.utils.datastructures
export { CaseInsensitiveMapping } from './case-insensitive-mapping.ts'
export { ImmutableList, MultiValueDict, MultiValueDictKeyError } from './datastructures.ts'

// django.utils.crypto
export { constant_time_compare, get_random_string, InvalidAlgorithm, pbkdf2, RANDOM_STRING_CHARS, salted_hmac } from './crypto.ts'
export type { HmacResult, SaltedHmacOptions } from './crypto.ts'

// django.utils.http and django.utils.encoding
export { content_disposition_header, http_date, parse_header_parameters } from './http.ts'
export { escape_uri_path, iri_to_uri } from './encoding.ts'

// Python's standard library, as Django's behaviour depends on it.
export { decode, encode, is_known_codec, UnicodeDecodeError, UnicodeEncodeError } from './encoding.ts'
export type { CodecErrors } from './encoding.ts'
export { parse_qsl, quote, quote_plus, unquote, unquote_plus, urljoin, urlsplit, urlunsplit } from './urllib.ts'
export type { ParseQslOptions, SplitResult } from './urllib.ts'
export { json_dumps } from './json.ts'
export type { JsonDumpsOptions } from './json.ts'
export { pyrepr, pystr } from './python.ts'
export { guess_type } from './mimetypes.ts'
export { BytesIO } from './bytes-io.ts'
export type { ByteReader } from './bytes-io.ts'
export { catch_warnings, set_warning_sink } from './warnings.ts'
export type { PyWarning, WarningSink } from './warnings.ts'

// Time and randomness, injectable so runs replay byte for byte.
export { frozen_clock, get_clock, system_clock, time_now, with_clock } from './clock.ts'
export type { Clock } from './clock.ts'

// django.utils.module_loading, django.utils.cache, django.utils.deprecation
export { import_string, register_import } from './module-loading.ts'
export { has_vary_header, patch_vary_headers } from './cache.ts'
export { MiddlewareMixin } from './deprecation.ts'
export type { GetResponse } from './deprecation.ts'
export { iscoroutinefunction, markcoroutinefunction } from './coroutines.ts'
export { got_request_exception, request_finished, request_started } from './signals.ts'
