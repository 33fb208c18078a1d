/** Port of django/core/files/uploadhandler.py (FileUploadHandler, memory and temporary-file handlers, load_handler). */
import { get_settings } from '../conf/context.ts'
import type { Settings } from '../conf/settings.ts'
import { AttributeError, NotImplementedError, OSError, ValueError } from '../core/exceptions.ts'
import { ChunkedFile } from './chunked-file.ts'
import { import_string, register_import } from '../core/module-loading.ts'
import { StopFutureHandlers } from './exceptions.ts'
import type { MultipartInput } from './lazy-stream.ts'
import {
  type ContentTypeExtra,
  InMemoryUploadedFile,
  TemporaryUploadedFile,
  type UploadedFile,
} from './uploaded-file.ts'

export { SkipFile, StopFutureHandlers, StopUpload, UploadFileException } from './exceptions.ts'

/** What a handler needs from the request it was made for: the settings it reads. */
export interface UploadHandlerRequest {
  /** The settings the request was made with. */
  readonly settings?: Settings
}

/** What `handle_raw_input` may return to take over the whole parse: `[POST, FILES]`. */
export type RawInputResult = readonly [unknown, unknown]

/** Django's FileUploadHandler: the base of streaming upload handlers. */
export class FileUploadHandler {
  /** Bytes per chunk the parser should read (64 KiB); the parser uses the smallest of all handlers. */
  chunk_size: number = 64 * 2 ** 10
  /** The form field of the file being received. */
  field_name: string | null = null
  /** The sanitised client file name. */
  file_name: string | null = null
  /** The part's Content-Type main value. */
  content_type: string | null = null
  /** The part's own Content-Length header, when it sent one (untrusted). */
  content_length: number | null = null
  /** The part's charset parameter, as bytes. */
  charset: Uint8Array | null = null
  /** The part's Content-Type parameters, values as bytes. */
  content_type_extra: ContentTypeExtra | null = null
  /** The request the handler serves (null outside a request). */
  request: UploadHandlerRequest | null

  constructor(request: UploadHandlerRequest | null = null) {
    this.request = request
  }

  /** The settings in force: the request's, else the active ones. */
  protected get settings(): Settings {
    return this.request?.settings ?? get_settings()
  }

  /**
   * `handle_raw_input(input_data, META, content_length, boundary, encoding=None)`: a chance to
   * parse the whole body; returning `[POST, FILES]` ends the parse with that result.
   */
  handle_raw_input(
    input_data: MultipartInput,
    META: Record<string, unknown>,
    content_length: number,
    boundary: Uint8Array,
    encoding: string | null = null,
  ): RawInputResult | null | void {
    void [input_data, META, content_length, boundary, encoding]
    return null
  }

  /** `new_file(...)`: a file part starts. Raise StopFutureHandlers to keep it from later handlers. */
  new_file(
    field_name: string,
    file_name: string,
    content_type: string,
    content_length: number | null,
    charset: Uint8Array | null = null,
    content_type_extra: ContentTypeExtra | null = null,
  ): void {
    this.field_name = field_name
    this.file_name = file_name
    this.content_type = content_type
    this.content_length = content_length
    this.charset = charset
    this.content_type_extra = content_type_extra
  }

  /** `receive_data_chunk(raw_data, start)`: returns the chunk for the next handler, or null to stop it there. */
  receive_data_chunk(raw_data: Uint8Array, start: number): Uint8Array | null | void {
    void [raw_data, start]
    throw new NotImplementedError('subclasses of FileUploadHandler must provide a receive_data_chunk() method')
  }

  /** `file_complete(file_size)`: the file ended; the UploadedFile, or a falsy value to let the next handler answer. */
  file_complete(file_size: number): UploadedFile | unknown {
    void file_size
    throw new NotImplementedError('subclasses of FileUploadHandler must provide a file_complete() method')
  }

  /** `upload_complete()`: the whole body was parsed; a truthy return stops later handlers' calls. */
  upload_complete(): unknown {
    return null
  }

  /** `upload_interrupted()`: the body ended inside a file; clean up. */
  upload_interrupted(): void {}
}

/** Streams files into "temporary files" (here chunk lists, see TemporaryUploadedFile). */
export class TemporaryFileUploadHandler extends FileUploadHandler {
  /** The file being written. */
  file: TemporaryUploadedFile | null = null

  /** Creates the file the chunks are appended to. */
  override new_file(
    field_name: string,
    file_name: string,
    content_type: string,
    content_length: number | null,
    charset: Uint8Array | null = null,
    content_type_extra: ContentTypeExtra | null = null,
  ): void {
    super.new_file(field_name, file_name, content_type, content_length, charset, content_type_extra)
    this.file = new TemporaryUploadedFile(this.file_name!, this.content_type, 0, this.charset, {
      content_type_extra: this.content_type_extra,
    })
  }

  /** Appends the chunk; later handlers get nothing. */
  override receive_data_chunk(raw_data: Uint8Array, start: number): null {
    void start
    this.file!.write(raw_data)
    return null
  }

  /** Rewinds the file, records its size and returns it. */
  override file_complete(file_size: number): TemporaryUploadedFile {
    this.file!.seek(0)
    this.file!.size = file_size
    return this.file!
  }

  /** Discards the unfinished file. */
  override upload_interrupted(): void {
    if (this.file) this.file.close()
  }
}

// Python's getattr(obj, '_stream', obj).
function rawStream(input_data: object): unknown {
  return '_stream' in input_data ? (input_data as { _stream: unknown })._stream : input_data
}

/** Streams files into memory; used only when the whole request fits FILE_UPLOAD_MAX_MEMORY_SIZE. */
export class MemoryFileUploadHandler extends FileUploadHandler {
  /** Whether this handler takes the files of the current request. */
  activated = false
  /** The buffer of the file being received. */
  file: ChunkedFile | null = null

  /**
   * Decides `activated`: the body's real size when the stream can seek (a body already read, an
   * ASGI spool), else CONTENT_LENGTH, must be at most FILE_UPLOAD_MAX_MEMORY_SIZE.
   */
  override handle_raw_input(
    input_data: MultipartInput,
    META: Record<string, unknown>,
    content_length: number,
    boundary: Uint8Array,
    encoding: string | null = null,
  ): null {
    void [META, boundary, encoding]
    let length: number | null = content_length
    const stream = rawStream(input_data) as { seek?: (pos: number, whence?: number) => number } | null
    try {
      if (stream === null || stream === undefined || typeof stream.seek !== 'function') {
        throw new AttributeError("object has no attribute 'seek'")
      }
      length = stream.seek(0, 2)
      stream.seek(0)
    } catch (error) {
      // Python's UnsupportedOperation is both an OSError and a ValueError.
      if (!(error instanceof AttributeError || error instanceof OSError || error instanceof ValueError)) throw error
    }
    this.activated = length !== null && length <= this.settings.FILE_UPLOAD_MAX_MEMORY_SIZE
    return null
  }

  /** Starts an in-memory buffer and claims the file when activated. */
  override new_file(
    field_name: string,
    file_name: string,
    content_type: string,
    content_length: number | null,
    charset: Uint8Array | null = null,
    content_type_extra: ContentTypeExtra | null = null,
  ): void {
    super.new_file(field_name, file_name, content_type, content_length, charset, content_type_extra)
    if (this.activated) {
      this.file = new ChunkedFile()
      throw new StopFutureHandlers()
    }
  }

  /** Keeps the chunk when activated; otherwise passes it on. */
  override receive_data_chunk(raw_data: Uint8Array, start: number): Uint8Array | null {
    void start
    if (this.activated) {
      this.file!.write(raw_data)
      return null
    }
    return raw_data
  }

  /** The InMemoryUploadedFile, when activated. */
  override file_complete(file_size: number): InMemoryUploadedFile | null {
    if (!this.activated) return null
    this.file!.seek(0)
    const { field_name, file_name, content_type, charset, content_type_extra } = this
    return new InMemoryUploadedFile(this.file!, field_name, file_name, content_type, file_size, charset, {
      content_type_extra,
    })
  }
}

/** A handler class: constructed with the request. */
export type UploadHandlerClass = new (request?: UploadHandlerRequest | null) => FileUploadHandler

const MODULE = 'django.core.files.uploadhandler'
register_import(`${MODULE}.FileUploadHandler`, FileUploadHandler)
register_import(`${MODULE}.MemoryFileUploadHandler`, MemoryFileUploadHandler)
register_import(`${MODULE}.TemporaryFileUploadHandler`, TemporaryFileUploadHandler)

/** Makes `load_handler(dotted_name)` (and so FILE_UPLOAD_HANDLERS) find a custom handler class. */
export function register_upload_handler(dotted_name: string, cls: UploadHandlerClass): void {
  register_import(dotted_name, cls)
}

/**
 * `load_handler(path, request)`: an instance of the handler a dotted path names (Django's
 * built-ins, or one registered with `register_upload_handler`); a class is instantiated directly.
 */
export function load_handler(
  path: string | UploadHandlerClass,
  request: UploadHandlerRequest | null = null,
): FileUploadHandler {
  const cls = typeof path === 'function' ? path : import_string<UploadHandlerClass>(path)
  return new cls(request)
}
