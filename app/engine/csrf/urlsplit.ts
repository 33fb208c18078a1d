/**
 * Port of CPython 3.13's urllib.parse.urlsplit as CsrfViewMiddleware uses it: core/urllib.ts's
 * urlsplit plus the netloc checks CPython adds (bracketed hosts must be IP literals, no NFKC
 * tricks), which decide between "malformed" and "does not match" for Origin and Referer.
 */
import { ValueError } from '../core/exceptions.ts'
import { urlsplit as split_url, urlunsplit } from '../core/urllib.ts'

/** Python's SplitResult, with `geturl()`. */
export interface SplitResult {
  scheme: string
  netloc: string
  path: string
  query: string
  fragment: string
  /** `urlunsplit()` of the parts: an empty `?` or `#` is dropped. */
  geturl(): string
}

/** `urllib.parse.urlsplit(url)`; ValueError where CPython 3.13 raises one. */
export function urlsplit(url: string): SplitResult {
  const parts = split_url(url)
  check_netloc(parts.netloc)
  return { ...parts, geturl: () => urlunsplit(parts) }
}

function check_netloc(netloc: string): void {
  if (netloc.includes('[') && netloc.includes(']')) check_bracketed_netloc(netloc)
  check_nfkc(netloc)
}

function check_bracketed_netloc(netloc: string): void {
  const host_and_port = netloc.slice(netloc.lastIndexOf('@') + 1)
  const open = host_and_port.indexOf('[')
  let hostname: string
  if (open >= 0) {
    if (open > 0) throw new ValueError('Invalid IPv6 URL')
    const bracketed = host_and_port.slice(open + 1)
    const close = bracketed.indexOf(']')
    hostname = close < 0 ? bracketed : bracketed.slice(0, close)
    const port = close < 0 ? '' : bracketed.slice(close + 1)
    if (port && !port.startsWith(':')) throw new ValueError('Invalid IPv6 URL')
  } else {
    const colon = host_and_port.indexOf(':')
    hostname = colon < 0 ? host_and_port : host_and_port.slice(0, colon)
  }
  if (hostname.startsWith('v')) {
    if (!/^v[a-fA-F0-9]+\..+$/.test(hostname)) throw new ValueError('IPvFuture address is invalid')
  } else if (is_ipv4(hostname)) {
    throw new ValueError('An IPv4 address cannot be in brackets')
  } else if (!is_ipv6(hostname)) {
    throw new ValueError(`'${hostname}' does not appear to be an IPv4 or IPv6 address`)
  }
}

// Characters such as U+2100 expand under NFKC to 'a/c', smuggling a delimiter past the split.
function check_nfkc(netloc: string): void {
  // eslint-disable-next-line no-control-regex
  if (!netloc || /^[\x00-\x7f]*$/.test(netloc)) return
  const stripped = netloc.replace(/[@:#?]/g, '')
  const normalized = stripped.normalize('NFKC')
  if (stripped === normalized) return
  if (/[/?#@:]/.test(normalized)) {
    throw new ValueError(`netloc '${netloc}' contains invalid characters under NFKC normalization`)
  }
}

/** `ipaddress.IPv4Address(text)` would accept it: four decimal octets, no leading zeros. */
function is_ipv4(text: string): boolean {
  const octets = text.split('.')
  return (
    octets.length === 4 &&
    octets.every((octet) => /^[0-9]{1,3}$/.test(octet) && (octet === '0' || octet[0] !== '0') && Number(octet) <= 255)
  )
}

/** `ipaddress.IPv6Address(text)` would accept it (scope id, embedded IPv4 and one `::` included). */
function is_ipv6(text: string): boolean {
  let address = text
  const percent = text.indexOf('%')
  if (percent >= 0) {
    const scope = text.slice(percent + 1)
    if (!scope || scope.includes('%')) return false
    address = text.slice(0, percent)
  }
  if (!address) return false
  const parts = address.split(':')
  if (parts.length < 3) return false
  if (parts[parts.length - 1]!.includes('.')) {
    if (!is_ipv4(parts.pop()!)) return false
    parts.push('0', '0')
  }
  if (parts.length > 9) return false
  let skip: number | null = null
  for (let i = 1; i < parts.length - 1; i++) {
    if (parts[i] === '') {
      if (skip !== null) return false
      skip = i
    }
  }
  let hi: number
  let lo: number
  if (skip !== null) {
    hi = skip
    lo = parts.length - skip - 1
    if (parts[0] === '' && --hi) return false
    if (parts[parts.length - 1] === '' && --lo) return false
    if (8 - (hi + lo) < 1) return false
  } else {
    if (parts.length !== 8 || parts[0] === '' || parts[parts.length - 1] === '') return false
    hi = parts.length
    lo = 0
  }
  const hextets = [...parts.slice(0, hi), ...parts.slice(parts.length - lo)]
  return hextets.every((hextet) => /^[0-9a-fA-F]{1,4}$/.test(hextet))
}
