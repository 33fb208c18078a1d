/**
 * Port of django/core/exceptions.py, plus the Python built-in exception types Django's
 * behaviour is described in (KeyError, ValueError, ...), so `instanceof` answers what
 * Python's `isinstance` answers. Python's TypeError is JavaScript's own TypeError.
 */

/** Base of every error the engine raises on purpose; `name` is the Python class name. */
export class PythonError extends Error {
  constructor(message = '') {
    super(message)
    this.name = new.target.name
  }
}

/** Python's ImportError: a dotted path names nothing registered (`import_string`). */
export class ImportError extends PythonError {}

/** Python's AssertionError: an `assert` in Django's code failed (a misuse, not bad input). */
export class AssertionError extends PythonError {}

/** asyncio's CancelledError: the work was abandoned (the client went away); never turned into a response. */
export class CancelledError extends PythonError {}

// Python built-ins that Django raises or subclasses.
export class KeyError extends PythonError {}
export class ValueError extends PythonError {}
export class AttributeError extends PythonError {}
export class OSError extends PythonError {}
export class LookupError extends PythonError {}
export class UnicodeError extends ValueError {}
export class RuntimeError extends PythonError {}
export class NotImplementedError extends RuntimeError {}

// django.core.exceptions
export class FieldDoesNotExist extends PythonError {}
export class AppRegistryNotReady extends PythonError {}
export class ObjectDoesNotExist extends PythonError {}
export class MultipleObjectsReturned extends PythonError {}

/** The user did something suspicious; every subclass becomes a 400. */
export class SuspiciousOperation extends PythonError {}
export class SuspiciousMultipartForm extends SuspiciousOperation {}
export class SuspiciousFileOperation extends SuspiciousOperation {}
export class DisallowedHost extends SuspiciousOperation {}
export class DisallowedRedirect extends SuspiciousOperation {}
export class TooManyFieldsSent extends SuspiciousOperation {}
export class TooManyFilesSent extends SuspiciousOperation {}
export class RequestDataTooBig extends SuspiciousOperation {}

export class RequestAborted extends PythonError {}
export class BadRequest extends PythonError {}
export class PermissionDenied extends PythonError {}
export class ViewDoesNotExist extends PythonError {}
export class MiddlewareNotUsed extends PythonError {}
export class ImproperlyConfigured extends PythonError {}
export class FieldError extends PythonError {}
export class EmptyResultSet extends PythonError {}
export class FullResultSet extends PythonError {}
export class SynchronousOnlyOperation extends PythonError {}

/** Raised when a form field or model fails validation; `messages` carries each message. */
export class ValidationError extends PythonError {
  readonly messages: string[]
  constructor(message: string | string[]) {
    const messages = Array.isArray(message) ? message : [message]
    super(messages.join(' '))
    this.messages = messages
  }
}

/** A programming error inside the engine itself, never a simulated 500 of the user's site. */
export class EngineInternalError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'EngineInternalError'
  }
}
