/** Port of django/http/request.py QueryDict (A MultiValueDict over a query string, with encoding and mutability). */
import { get_settings } from '../conf/context.ts'
import type { Settings } from '../conf/settings.ts'
import { MultiValueDict } from '../core/datastructures.ts'
import { decode, encode, latin1_decode } from '../core/encoding.ts'
import { AttributeError, TooManyFieldsSent, ValueError } from '../core/exceptions.ts'
import { pystr } from '../core/python.ts'
import { is_iterable } from '../core/py-values.ts'
import { parse_qsl, quote, quote_plus } from '../core/urllib.ts'

/** Keyword arguments of `new QueryDict(...)`. */
export interface QueryDictOptions {
  /** Allow changes after construction (default false). */
  mutable?: boolean
  /** Charset of the percent-escapes; null/'' means DEFAULT_CHARSET. */
  encoding?: string | null
  /** Settings to read DEFAULT_CHARSET and DATA_UPLOAD_MAX_NUMBER_FIELDS from; the active ones by default. */
  settings?: Settings
}

/** Keyword arguments of `QueryDict.fromkeys(...)`. */
export interface FromKeysOptions extends QueryDictOptions {
  /** The value given to every key ('' by default). */
  value?: unknown
}

/** `bytes_to_text`: bytes decoded with the dict's encoding (invalid sequences → U+FFFD), anything else unchanged. */
function bytesToText<T>(value: T, encoding: string): T | string {
  return value instanceof Uint8Array ? decode(value, encoding, 'replace') : value
}

/**
 * Django's QueryDict: GET/POST data. Immutable unless built with `mutable: true` (or copied);
 * keys and values set as bytes are decoded with the dict's encoding.
 */
export class QueryDict extends MultiValueDict<string> {
  /** @internal Whether mutators are allowed. */
  _mutable = true
  /** @internal The stored encoding (null means DEFAULT_CHARSET). */
  _encoding: string | null = null
  #settings: Settings

  constructor(query_string: string | Uint8Array | null = null, options: QueryDictOptions = {}) {
    super()
    const { mutable = false, encoding = null, settings = get_settings() } = options
    this.#settings = settings
    this._encoding = encoding || settings.DEFAULT_CHARSET
    const enc = this.encoding
    let qs: string
    if (query_string instanceof Uint8Array) {
      // Normally URL-encoded ASCII, but some user agents send raw bytes in another charset.
      try {
        qs = decode(query_string, enc)
      } catch (error) {
        if (!(error instanceof ValueError)) throw error
        qs = latin1_decode(query_string)
      }
    } else {
      qs = query_string || ''
    }
    let pairs: Array<[string, string]>
    try {
      pairs = parse_qsl(qs, {
        keep_blank_values: true,
        encoding: enc,
        errors: 'replace',
        max_num_fields: settings.DATA_UPLOAD_MAX_NUMBER_FIELDS,
      })
    } catch (error) {
      // parse_qsl's only ValueError without strict parsing is the field-count limit.
      if (error instanceof ValueError) {
        throw new TooManyFieldsSent('The number of GET/POST parameters exceeded settings.DATA_UPLOAD_MAX_NUMBER_FIELDS.')
      }
      throw error
    }
    // Text pairs into a fresh, mutable dict: appendlist's checks and decoding are no-ops, unless overridden.
    if (new.target === QueryDict) this.appendPairs(pairs)
    else for (const [key, value] of pairs) this.appendlist(key, value)
    this._mutable = mutable
  }

  /** `QueryDict.fromkeys(iterable, value='', mutable=False, encoding=None)`: each key (repeats kept) gets `value`. */
  static fromkeys(iterable: Iterable<string | Uint8Array>, options: FromKeysOptions = {}): QueryDict {
    const { value = '', mutable = false, encoding = null, settings } = options
    if (!is_iterable(iterable)) throw new TypeError(`'${typeof iterable}' object is not iterable`)
    const q = new QueryDict('', { mutable: true, encoding, ...(settings ? { settings } : {}) })
    for (const key of iterable) q.appendlist(key as string, value as string)
    if (!mutable) q._mutable = false
    return q
  }

  /** The charset of the dict (DEFAULT_CHARSET when none was given). */
  get encoding(): string {
    if (this._encoding === null) this._encoding = this.#settings.DEFAULT_CHARSET
    return this._encoding
  }

  set encoding(value: string | null) {
    this._encoding = value
  }

  /** @internal Raises the immutability AttributeError unless the dict is mutable. */
  _assert_mutable(): void {
    if (!this._mutable) throw new AttributeError('This QueryDict instance is immutable')
  }

  override setitem(key: string | Uint8Array, value: unknown): void {
    this._assert_mutable()
    super.setitem(bytesToText(key, this.encoding) as string, bytesToText(value, this.encoding) as string)
  }

  override delitem(key: string): void {
    this._assert_mutable()
    super.delitem(key)
  }

  override setlist(key: string | Uint8Array, list_: unknown[]): void {
    this._assert_mutable()
    const text = list_.map((item) => bytesToText(item, this.encoding)) as string[]
    super.setlist(bytesToText(key, this.encoding) as string, text)
  }

  override setlistdefault(key: string, default_list: string[] | null = null): string[] {
    this._assert_mutable()
    return super.setlistdefault(key, default_list)
  }

  override appendlist(key: string | Uint8Array, value: unknown): void {
    this._assert_mutable()
    super.appendlist(bytesToText(key, this.encoding) as string, bytesToText(value, this.encoding) as string)
  }

  override pop<D = never>(key: string, ...default_: [D?]): string[] | D {
    this._assert_mutable()
    return super.pop(key, ...default_)
  }

  override popitem(): [string, string[]] {
    this._assert_mutable()
    return super.popitem()
  }

  override clear(): void {
    this._assert_mutable()
    super.clear()
  }

  override setdefault(key: string | Uint8Array, default_: unknown = null): string {
    this._assert_mutable()
    return super.setdefault(bytesToText(key, this.encoding) as string, bytesToText(default_, this.encoding) as string)
  }

  /** Python's `copy.copy(q)`: a mutable copy with the same encoding. */
  override __copy__(): this {
    const result = new QueryDict('', { mutable: true, encoding: this.encoding, settings: this.#settings })
    for (const [key, value] of this.lists()) result.setlist(key, value)
    return result as this
  }

  /** `copy.deepcopy(q)`: a mutable deep copy with the same encoding. */
  override deepcopy(): this {
    const result = new QueryDict('', { mutable: true, encoding: this.encoding, settings: this.#settings })
    const copied = super.deepcopy()
    for (const [key, value] of copied.lists()) result.setlist(key, value)
    return result as this
  }

  /** `copy()`: a mutable deep copy (never the immutable original). */
  override copy(): this {
    return this.deepcopy()
  }

  /**
   * `urlencode(safe=None)`: `key=value` pairs joined by `&`, each side encoded with the dict's
   * encoding; without `safe` as quote_plus (space `+`, `/` escaped), with it as quote(x, safe).
   */
  urlencode(safe: string | null = null): string {
    const enc = this.encoding
    const output: string[] = []
    for (const [k, list_] of this.lists()) {
      const key = encode(k, enc)
      for (const v of list_) {
        const value = encode(pystr(v), enc)
        output.push(safe ? `${quote(key, safe)}=${quote(value, safe)}` : `${quote_plus(key)}=${quote_plus(value)}`)
      }
    }
    return output.join('&')
  }
}
