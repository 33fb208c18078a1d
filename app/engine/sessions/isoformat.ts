/** Python's `datetime.isoformat()` / `datetime.fromisoformat()` for the aware UTC moments sessions store. */
import { ValueError } from '../core/exceptions.ts'

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

/** `datetime.isoformat()` of an aware UTC datetime: microseconds only when non-zero, then `+00:00`. */
export function format_isoformat(moment: Date): string {
  const ms = moment.getUTCMilliseconds()
  const date = `${pad(moment.getUTCFullYear(), 4)}-${pad(moment.getUTCMonth() + 1)}-${pad(moment.getUTCDate())}`
  const time = `${pad(moment.getUTCHours())}:${pad(moment.getUTCMinutes())}:${pad(moment.getUTCSeconds())}`
  return `${date}T${time}${ms ? '.' + pad(ms * 1000, 6) : ''}+00:00`
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2})(?::?(\d{2})(?::?(\d{2})(?:[.,](\d{1,6}))?)?)?)?(Z|[+-]\d{2}(?::?\d{2}(?::?\d{2})?)?)?$/

/**
 * `datetime.fromisoformat(text)` as seconds since the epoch. A string without an offset is a
 * naive datetime, which Python refuses to compare with the aware "now" (TypeError).
 */
export function parse_isoformat(text: string): number {
  const m = ISO.exec(text)
  if (m === null) throw new ValueError(`Invalid isoformat string: '${text}'`)
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', offset] = m
  if (offset === undefined) throw new TypeError("can't subtract offset-naive and offset-aware datetimes")
  const utc = Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +s) / 1000 + Number('0.' + (frac || '0'))
  if (offset === 'Z') return utc
  const digits = offset.slice(1).replace(/:/g, '')
  const shift = Number(digits.slice(0, 2)) * 3600 + Number(digits.slice(2, 4) || 0) * 60 + Number(digits.slice(4, 6) || 0)
  return offset[0] === '+' ? utc - shift : utc + shift
}
