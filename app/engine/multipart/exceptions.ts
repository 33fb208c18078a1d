/** Port of the exceptions of django/http/multipartparser.py and django/core/files/uploadhandler.py. */
import { PythonError } from '../core/exceptions.ts'

/** The body is not valid multipart (bad content type, boundary, length, headers or base64); a 400. */
export class MultiPartParserError extends PythonError {}

/** No more reads are allowed from the input; a reader may raise it to end the body early. */
export class InputStreamExhausted extends PythonError {}

export { ImportError } from '../core/exceptions.ts'

/** Base of the exceptions upload handlers raise to steer the parser. */
export class UploadFileException extends PythonError {}

/** Keyword arguments of `new StopUpload(...)`. */
export interface StopUploadOptions {
  /** True: stop without reading the rest of the body (the client sees a reset connection). */
  connection_reset?: boolean
}

/** Raised by a handler to abort the upload; the parser returns what it has. */
export class StopUpload extends UploadFileException {
  /** Whether the rest of the body is left unread. */
  readonly connection_reset: boolean

  constructor(options: StopUploadOptions = {}) {
    const connection_reset = options.connection_reset ?? false
    // The message is what Python's str() of the exception prints.
    super(connection_reset ? 'StopUpload: Halt current upload.' : 'StopUpload: Consume request data, then halt.')
    this.connection_reset = connection_reset
  }
}

/** Raised by a handler to drop the current file; its bytes are read and discarded. */
export class SkipFile extends UploadFileException {}

/** Raised from `new_file()` by a handler that takes the file, so later handlers never see it. */
export class StopFutureHandlers extends UploadFileException {}
