/**
 * The share link's snapshot codec: a versioned, deflate-compressed, base64url text for the URL
 * fragment (`#v1.…`), so a playground travels with no server. Only round trips matter here (no byte
 * has to match another program's), so fflate's raw deflate does it: synchronous, and the same in
 * Node and the browser. Bytes inside the payload (uploaded files) travel as persistence stores them.
 * A version, once published, decodes forever: share-link.test.ts keeps a link of each.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate'
import { deserialize, fromBase64, serialize, toBase64 } from './persistence.ts'

/** The format this build writes. */
export const SNAPSHOT_VERSION = 1

/** A decoded link: its payload, or a sentence saying what is wrong with it. */
export type DecodedSnapshot = { ok: true; version: number; payload: unknown } | { ok: false; error: string }

const base64url = (bytes: Uint8Array): string => toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')

/** The fragment text (without `#`) for a payload. */
export function encodeSnapshot(payload: unknown): string {
  const json = serialize(payload)
  return `v${SNAPSHOT_VERSION}.${base64url(deflateSync(strToU8(json), { level: 9 }))}`
}

/** The payload of a fragment (with or without `#`), or why it cannot be opened; never throws. */
export function decodeSnapshot(fragment: string): DecodedSnapshot {
  const text = fragment.replace(/^#/, '')
  const match = /^v(\d+)\.(.*)$/s.exec(text)
  if (!match) return { ok: false, error: 'This link holds no playground: its part after # should start with v1.' }
  const version = Number(match[1])
  if (version > SNAPSHOT_VERSION) {
    return { ok: false, error: `This link was made by a newer Request Playground (format ${version}); this one reads up to ${SNAPSHOT_VERSION}.` }
  }
  if (version < 1) return { ok: false, error: `This link's format (${version}) is not one Request Playground ever wrote.` }
  const body = match[2]!
  if (!/^[A-Za-z0-9_-]*$/.test(body)) {
    return { ok: false, error: 'This link is damaged: it holds characters a share link never has (was it cut or edited?).' }
  }
  let compressed: Uint8Array
  try {
    compressed = fromBase64(body.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(body.length / 4) * 4, '='))
  } catch {
    return { ok: false, error: 'This link is damaged or cut short: its data is not whole base64url.' }
  }
  let json: string
  try {
    json = strFromU8(inflateSync(compressed))
  } catch {
    return { ok: false, error: 'This link is damaged or cut short: its compressed data does not end where it should.' }
  }
  try {
    return { ok: true, version, payload: deserialize(json) }
  } catch {
    return { ok: false, error: 'This link is damaged: what it holds is not a playground.' }
  }
}
