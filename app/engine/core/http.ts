/** Port of the parts of django/utils/http.py that requests and responses use. */
import { decode, is_known_codec, latin1_encode } from './encoding.ts'
import { ValueError } from './exceptions.ts'
import { MultiValueDict } from './datastructures.ts'
import { py_strip, pystr, str_repr } from './python.ts'
import { py_urlencode } from './urlencode.ts'
import { quote, unquote } from './urllib.ts'

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** `http_date(epoch_seconds)`: RFC 5322 date in GMT, `Wdy, DD Mon YYYY HH:MM:SS GMT`. */
export function http_date(epoch_seconds: number): string {
  const d = new Date(Math.floor(epoch_seconds) * 1000)
  const two = (n: number) => String(n).padStart(2, '0')
  return `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCFullYear()).padStart(4, '0')} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} GMT`
}

// Django 5.2.19 parses header parameters with the standard library's email.message.Message
// (get_params), so the helpers below follow CPython's email package, not RFC 2045 alone.

/** email.message._parseparam: `;`-separated parts (a `;` inside quotes does not split), names lower-cased. */
function emailParseparam(line: string): string[] {
  const parts: string[] = []
  let rest = ';' + line
  while (rest.startsWith(';')) {
    rest = rest.slice(1)
    let end = rest.indexOf(';')
    while (end > 0 && (countOf(rest, '"', end) - countOf(rest, '\\"', end)) % 2 !== 0) {
      end = rest.indexOf(';', end + 1)
    }
    if (end < 0) end = rest.length
    let part = rest.slice(0, end)
    const eq = part.indexOf('=')
    if (eq >= 0) part = py_strip(part.slice(0, eq)).toLowerCase() + '=' + py_strip(part.slice(eq + 1))
    parts.push(py_strip(part))
    rest = rest.slice(end)
  }
  return parts
}

function countOf(text: string, needle: string, end: number): number {
  let count = 0
  for (let i = text.indexOf(needle); i >= 0 && i + needle.length <= end; i = text.indexOf(needle, i + needle.length)) count++
  return count
}

/** email.utils.unquote: strips `"..."` (unescaping `\\` and `\"`) or `<...>`. */
function emailUnquote(text: string): string {
  if (text.length > 1) {
    if (text.startsWith('"') && text.endsWith('"')) return text.slice(1, -1).replace(/\\\\/g, '\\').replace(/\\"/g, '"')
    if (text.startsWith('<') && text.endsWith('>')) return text.slice(1, -1)
  }
  return text
}

/** email.utils.quote. */
function emailQuote(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')
}

/** Python's `bytes(text, 'raw-unicode-escape')`: code points below 256 as bytes, others as `\\uXXXX`. */
function rawUnicodeEscape(text: string): Uint8Array {
  let out = ''
  for (const ch of text) {
    const code = ch.codePointAt(0)!
    if (code < 0x100) out += ch
    else out += code > 0xffff ? '\\U' + code.toString(16).padStart(8, '0') : '\\u' + code.toString(16).padStart(4, '0')
  }
  return latin1_encode(out)
}

const CONTINUATION = /^([A-Za-z0-9_]+)\*(?:([0-9]+)\*?)?$/

type Rfc2231 = { charset: string | null; text: string }

/** email.utils.decode_params: joins RFC 2231 continuations and splits `charset'lang'value`. */
function decodeParams(params: Array<[string, string]>): Array<[string, string | Rfc2231]> {
  const decoded: Array<[string, string | Rfc2231]> = []
  const continuations = new Map<string, Array<{ num: number | null; value: string; encoded: boolean }>>()
  for (const [name, raw] of params) {
    const value = emailUnquote(raw)
    const match = CONTINUATION.exec(name)
    if (!match) {
      decoded.push([name, value])
      continue
    }
    const list = continuations.get(match[1]!) ?? []
    list.push({ num: match[2] === undefined ? null : Number(match[2]), value, encoded: name.endsWith('*') })
    continuations.set(match[1]!, list)
  }
  for (const [name, list] of continuations) {
    const hasZero = list.some((c) => c.num === 0)
    const ordered = (hasZero ? list.filter((c) => c.num !== null) : list.map((c) => ({ ...c, num: c.num ?? 0 }))).sort(
      (a, b) => a.num! - b.num!,
    )
    let extended = false
    const joined = ordered
      .map((c) => {
        if (!c.encoded) return c.value
        extended = true
        // Percent-escapes become latin-1 characters: one character per octet.
        return unquote(c.value, 'latin-1')
      })
      .join('')
    if (!extended) {
      decoded.push([name, joined])
      continue
    }
    const quoted = emailQuote(joined)
    const first = quoted.indexOf("'")
    const second = first < 0 ? -1 : quoted.indexOf("'", first + 1)
    if (second < 0) {
      decoded.push([name, { charset: null, text: emailUnquote(`"${quoted}"`) }])
    } else {
      decoded.push([name, { charset: quoted.slice(0, first), text: emailUnquote(`"${quoted.slice(second + 1)}"`) }])
    }
  }
  return decoded
}

/**
 * `parse_header_parameters(line)`: the lower-cased main value and its parameters, quoted strings
 * unescaped, RFC 2231 values (`name*=charset'lang'%XX`, continuations `name*0*=`) decoded.
 * An RFC 2231 charset Python does not know raises ValueError.
 */
export function parse_header_parameters(line: string | null): [string, Record<string, string>] {
  const params: Record<string, string> = Object.create(null)
  if (!line) return ['', params]
  if (!line.includes(';')) return [py_strip(line).toLowerCase(), params]
  const parts = emailParseparam(line).map((part): [string, string] => {
    const eq = part.indexOf('=')
    return eq < 0 ? [py_strip(part), ''] : [py_strip(part.slice(0, eq)), py_strip(part.slice(eq + 1))]
  })
  const key = parts[0]![0].toLowerCase()
  for (const [name, value] of decodeParams(parts.slice(1))) {
    if (!name) continue
    if (typeof value === 'string') {
      params[name] = value
      continue
    }
    if (value.charset && !is_known_codec(value.charset)) {
      throw new ValueError(`Invalid encoding ${str_repr(value.charset)} for RFC 2231 param.`)
    }
    const bytes = rawUnicodeEscape(value.text)
    const charset = value.charset ?? 'us-ascii'
    params[name] = is_known_codec(charset) ? decode(bytes, charset, 'replace') : value.text
  }
  return [key, params]
}

/** `content_disposition_header(as_attachment, filename)`: the Content-Disposition value, or null. */
export function content_disposition_header(as_attachment: boolean, filename: string): string | null {
  if (filename) {
    const disposition = as_attachment ? 'attachment' : 'inline'
    if (/^[\t\x20-\x7e]*$/.test(filename)) {
      const escaped = filename.replace(/\\/g, '\\\\').replace(/"/g, '\\"')
      return `${disposition}; filename="${escaped}"`
    }
    return `${disposition}; filename*=utf-8''${quote(filename, '')}`
  }
  return as_attachment ? 'attachment' : null
}

/** `escape_leading_slashes(url)`: `//x` becomes `/%2Fx`, so a path can never read as a scheme-relative URL. */
export function escape_leading_slashes(url: string): string {
  return url.startsWith('//') ? '/%2F' + url.slice(2) : url
}

/** What `urlencode()` takes: a MultiValueDict (its lists), a record or Map, or key/value pairs. */
export type QueryInput =
  | MultiValueDict
  | Map<string, unknown>
  | Record<string, unknown>
  | Iterable<readonly [unknown, unknown]>

function none_error(key: unknown): TypeError {
  return new TypeError(
    `Cannot encode None for key '${pystr(key)}' in a query string. Did you mean to pass an empty string or omit the value?`,
  )
}

// Python's iter() of a value, for the sequences urlencode expands (strings and bytes are scalars).
function iter_values(value: unknown): Iterable<unknown> | null {
  if (typeof value !== 'object' || value === null || value instanceof Uint8Array) return null
  if (value instanceof Map) return value.keys()
  if (Symbol.iterator in value) return value as Iterable<unknown>
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null ? Object.keys(value) : null
}

/**
 * Django's `urlencode(query, doseq)`: refuses None values and, with `doseq`, turns each sequence
 * into a list of strings (bytes kept), then leaves the encoding to Python's urlencode.
 */
export function urlencode(query: QueryInput, doseq = false): string {
  let pairs: Iterable<readonly [unknown, unknown]>
  if (query instanceof MultiValueDict) pairs = query.lists()
  else if (query instanceof Map) pairs = query.entries()
  else if (Symbol.iterator in query) pairs = query as Iterable<readonly [unknown, unknown]>
  else pairs = Object.entries(query)
  const params: Array<[unknown, unknown]> = []
  for (const [key, value] of pairs) {
    if (value === null || value === undefined) throw none_error(key)
    const items = doseq && typeof value !== 'string' ? iter_values(value) : null
    if (items === null) {
      params.push([key, value])
      continue
    }
    const strings = [...items].map((item) => {
      if (item === null || item === undefined) throw none_error(key)
      return item instanceof Uint8Array ? item : pystr(item)
    })
    params.push([key, strings])
  }
  return py_urlencode(params, doseq)
}
