/** Port of django/middleware/csrf.py (Origin and Referer verification against CSRF_TRUSTED_ORIGINS). */
import { get_settings } from '../conf/context.ts'
import { DisallowedHost, PythonError, ValueError } from '../core/exceptions.ts'
import type { HttpRequest } from '../http/request.ts'
import { is_same_domain } from './is-same-domain.ts'
import { REASON_BAD_REFERER, REASON_INSECURE_REFERER, REASON_MALFORMED_REFERER, REASON_NO_REFERER } from './reasons.ts'
import { urlsplit, type SplitResult } from './urlsplit.ts'

/** Thrown inside the checks to reject with `reason`. */
export class RejectRequest extends PythonError {
  readonly reason: string
  constructor(reason: string) {
    super(reason)
    this.reason = reason
  }
}

/** Python's `%` with one `%s`. */
export function interpolate(template: string, value: string): string {
  return template.replace('%s', () => value)
}

/** CSRF_TRUSTED_ORIGINS digested: Django's three cached properties. */
export interface TrustedOrigins {
  /** Netlocs, leading `*` removed (the Referer check). */
  hosts: string[]
  /** Entries without a wildcard (the Origin check). */
  exact: Set<string>
  /** Scheme → netlocs whose subdomains are trusted. */
  subdomains: Record<string, string[]>
}

/** Digests CSRF_TRUSTED_ORIGINS (ValueError for an entry urlsplit rejects). */
export function trusted_origins(origins: readonly string[]): TrustedOrigins {
  const subdomains: Record<string, string[]> = Object.create(null)
  for (const origin of origins) {
    if (!origin.includes('*')) continue
    const parsed = urlsplit(origin)
    ;(subdomains[parsed.scheme] ??= []).push(parsed.netloc.replace(/^\*+/, ''))
  }
  return {
    hosts: origins.map((origin) => urlsplit(origin).netloc.replace(/^\*+/, '')),
    exact: new Set(origins.filter((origin) => !origin.includes('*'))),
    subdomains,
  }
}

/** True when the Origin header is this site's own origin or a trusted one. */
export function origin_verified(request: HttpRequest, trusted: TrustedOrigins): boolean {
  const request_origin = request.META.HTTP_ORIGIN!
  let good_host: string | null = null
  try {
    good_host = request.get_host()
  } catch (error) {
    if (!(error instanceof DisallowedHost)) throw error
  }
  if (good_host !== null) {
    const good_origin = `${request.is_secure() ? 'https' : 'http'}://${good_host}`
    if (request_origin === good_origin) return true
  }
  if (trusted.exact.has(request_origin)) return true
  let parsed: SplitResult
  try {
    parsed = urlsplit(request_origin)
  } catch (error) {
    if (error instanceof ValueError) return false
    throw error
  }
  const hosts = Object.hasOwn(trusted.subdomains, parsed.scheme) ? trusted.subdomains[parsed.scheme]! : []
  return hosts.some((host) => is_same_domain(parsed.netloc, host))
}

/** For HTTPS without Origin: throws RejectRequest unless the Referer is a secure, trusted URL. */
export function check_referer(request: HttpRequest, trusted: TrustedOrigins): void {
  const settings = get_settings()
  if (!Object.hasOwn(request.META, 'HTTP_REFERER')) throw new RejectRequest(REASON_NO_REFERER)
  let referer: SplitResult
  try {
    referer = urlsplit(request.META.HTTP_REFERER!)
  } catch (error) {
    if (error instanceof ValueError) throw new RejectRequest(REASON_MALFORMED_REFERER)
    throw error
  }
  if (referer.scheme === '' || referer.netloc === '') throw new RejectRequest(REASON_MALFORMED_REFERER)
  if (referer.scheme !== 'https') throw new RejectRequest(REASON_INSECURE_REFERER)
  if (trusted.hosts.some((host) => is_same_domain(referer.netloc, host))) return
  // Else the configured cookie domain, or this host:port when none is configured.
  let good_referer = settings.CSRF_USE_SESSIONS ? settings.SESSION_COOKIE_DOMAIN : settings.CSRF_COOKIE_DOMAIN
  if (good_referer === null) {
    try {
      good_referer = request.get_host()
    } catch (error) {
      if (error instanceof DisallowedHost) throw new RejectRequest(interpolate(REASON_BAD_REFERER, referer.geturl()))
      throw error
    }
  } else {
    const server_port = request.get_port()
    if (server_port !== '443' && server_port !== '80') good_referer = `${good_referer}:${server_port}`
  }
  if (!is_same_domain(referer.netloc, good_referer)) {
    throw new RejectRequest(interpolate(REASON_BAD_REFERER, referer.geturl()))
  }
}
