/** `django/core/exceptions` for user code. */
export {
  BadRequest,
  DisallowedHost,
  ImproperlyConfigured,
  MiddlewareNotUsed,
  ObjectDoesNotExist,
  PermissionDenied,
  RequestDataTooBig,
  SuspiciousOperation,
  TooManyFieldsSent,
  TooManyFilesSent,
  ValidationError,
} from '../../engine/core/index.ts'
