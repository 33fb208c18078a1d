/** Byte helpers for the inspector: sizes, text decoding, hex dumps, downloads. */

/** `1234` → `1.2 KB`, with the exact byte count kept by the caller where it matters. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** Decodes bytes as text in the given charset (UTF-8 when unknown or unsupported). */
export function decodeText(bytes: Uint8Array, charset: string | null = null): string {
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(bytes)
  } catch {
    return new TextDecoder('utf-8').decode(bytes)
  }
}

/** True when the bytes look like text (valid UTF-8 without NULs or many control characters). */
export function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096)
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.length < bytes.length ? sample.subarray(0, -4) : sample)
  } catch {
    return false
  }
  let control = 0
  for (const b of sample) {
    if (b === 0) return false
    if (b < 9 || (b > 13 && b < 32)) control++
  }
  return control < sample.length / 20
}

/** A classic hex dump: offset, 16 bytes in hex, the printable ASCII; capped at `limit` bytes. */
export function hexDump(bytes: Uint8Array, limit = 4096): string {
  const lines: string[] = []
  const end = Math.min(bytes.length, limit)
  for (let offset = 0; offset < end; offset += 16) {
    const row = bytes.subarray(offset, Math.min(offset + 16, end))
    const hex = Array.from(row, (b) => b.toString(16).padStart(2, '0')).join(' ')
    const ascii = Array.from(row, (b) => (b >= 32 && b < 127 ? String.fromCharCode(b) : '.')).join('')
    lines.push(`${offset.toString(16).padStart(8, '0')}  ${hex.padEnd(47)}  ${ascii}`)
  }
  if (bytes.length > end) lines.push(`… ${bytes.length - end} more bytes`)
  return lines.join('\n')
}

/** Saves bytes as a file through a temporary object URL. */
export function downloadBytes(bytes: Uint8Array, name: string, type: string | null): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: type ?? 'application/octet-stream' }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/** Reads a picked or dropped File into bytes. */
export async function readFile(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer())
}

/** A data: URL for showing bytes in an <img> (pure, so nothing to revoke). */
export function dataUrl(bytes: Uint8Array, type: string): string {
  let text = ''
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return `data:${type};base64,${btoa(text)}`
}
