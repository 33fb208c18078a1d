/** Session before/after as rows with what changed, for the Session tab and the comparison view. */
import type { Shown } from '../../runtime/protocol.ts'

export type Change = 'added' | 'removed' | 'changed' | 'same'

export interface DiffRow {
  key: string
  before: string | null
  after: string | null
  change: Change
}

/** A value as one line of JSON (strings unquoted would hide `"1"` versus `1`). */
export function showValue(value: Shown | undefined): string | null {
  return value === undefined ? null : JSON.stringify(value)
}

/** Every key of either side, in first-seen order, with its change. */
export function diffRecords(before: Record<string, Shown> | null, after: Record<string, Shown> | null): DiffRow[] {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])]
  return keys.map((key) => {
    const b = showValue(before?.[key])
    const a = showValue(after?.[key])
    const change: Change = b === null ? 'added' : a === null ? 'removed' : a === b ? 'same' : 'changed'
    return { key, before: b, after: a, change }
  })
}
