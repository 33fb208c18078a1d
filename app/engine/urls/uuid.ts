/** Port of Python's uuid.UUID, as far as UUIDConverter needs it (parse, str, repr, equality). */
import { ValueError } from '../core/exceptions.ts'

/** `uuid.UUID(hex)`: a 128-bit value kept as 32 lower-case hex digits. */
export class UUID {
  /** `uuid.hex`: 32 lower-case hex digits. */
  readonly hex: string

  constructor(hex: string) {
    // Python accepts braces, a urn:uuid: prefix and hyphens anywhere; then exactly 32 hex digits.
    const digits = hex.replaceAll('urn:', '').replaceAll('uuid:', '').replace(/^[{}]+|[{}]+$/g, '').replaceAll('-', '')
    if (digits.length !== 32) throw new ValueError('badly formed hexadecimal UUID string')
    if (!/^[0-9a-fA-F]{32}$/.test(digits)) throw new ValueError(`invalid literal for int() with base 16: '${digits}'`)
    this.hex = digits.toLowerCase()
  }

  /** `str(uuid)`: 8-4-4-4-12 lower-case form. */
  toString(): string {
    const h = this.hex
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
  }

  /** `repr(uuid)`. */
  __repr__(): string {
    return `UUID('${this.toString()}')`
  }

  /** `uuid == other`. */
  equals(other: unknown): boolean {
    return other instanceof UUID && other.hex === this.hex
  }
}
