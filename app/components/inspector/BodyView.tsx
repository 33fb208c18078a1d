import { useMemo, useState } from 'react'
import { CopyButton } from '../common/CopyButton.tsx'
import { dataUrl, decodeText, downloadBytes, formatSize, hexDump, looksLikeText } from '../common/bytes.ts'
import { JsonTree } from './JsonTree.tsx'

type View = 'rendered' | 'source' | 'tree' | 'text' | 'hex' | 'image'

function viewsFor(type: string, bytes: Uint8Array): View[] {
  if (type.includes('html')) return ['rendered', 'source', 'hex']
  if (type.includes('json')) return ['tree', 'text', 'hex']
  if (type.startsWith('image/')) return type.includes('svg') ? ['image', 'text', 'hex'] : ['image', 'hex']
  if (type.startsWith('text/') || looksLikeText(bytes)) return ['text', 'hex']
  return ['hex']
}

const VIEW_LABEL: Record<View, string> = {
  rendered: 'Rendered',
  source: 'Source',
  tree: 'Tree',
  text: 'Text',
  hex: 'Hex',
  image: 'Image',
}

function ImageView({ bytes, type }: { bytes: Uint8Array; type: string }) {
  const url = useMemo(() => dataUrl(bytes, type), [bytes, type])
  return <img src={url} alt="The response body as an image" className="body-image" />
}

function Parsed({ text }: { text: string }) {
  const parsed = useMemo(() => {
    try {
      return { ok: true as const, value: JSON.parse(text) as unknown }
    } catch (error) {
      return { ok: false as const, error: String(error) }
    }
  }, [text])
  return parsed.ok ? <JsonTree value={parsed.value} /> : <p className="error">Not valid JSON: {parsed.error}</p>
}

/** A body shown by its type: HTML in a sandboxed frame and as source, JSON as a tree, text, hex, images. */
export function BodyView({
  bytes,
  contentType,
  charset,
  label,
  fileName,
}: {
  bytes: Uint8Array
  contentType: string | null
  charset: string | null
  label: string
  fileName: string
}) {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
  const views = viewsFor(type, bytes)
  const [chosen, setChosen] = useState<View | null>(null)
  const view = chosen && views.includes(chosen) ? chosen : (views[0] ?? 'hex')
  const text = useMemo(() => decodeText(bytes, charset), [bytes, charset])
  return (
    <section className="body-view" aria-label={label}>
      <div className="body-toolbar">
        <span className="muted small">
          {type || 'no content type'}, {bytes.length} bytes ({formatSize(bytes.length)})
        </span>
        <span role="group" aria-label={`${label} view`} className="segmented">
          {views.map((v) => (
            <button key={v} type="button" aria-pressed={v === view} onClick={() => setChosen(v)}>
              {VIEW_LABEL[v]}
            </button>
          ))}
        </span>
        <CopyButton text={view === 'hex' ? hexDump(bytes, bytes.length) : text} label={label} />
        <button type="button" className="link" onClick={() => downloadBytes(bytes, fileName, contentType)}>
          Download
        </button>
      </div>
      {bytes.length === 0 ? <p className="empty">Empty body.</p> : null}
      {bytes.length > 0 && view === 'rendered' ? (
        <iframe className="body-frame" sandbox="" srcDoc={text} title={`${label}, rendered`} />
      ) : null}
      {bytes.length > 0 && (view === 'rendered' || view === 'tree') ? (
        // The text under the rendering, so it can be read, searched and selected without switching views.
        <details className="body-source" open={bytes.length <= 4096}>
          <summary>{view === 'tree' ? 'JSON text' : 'HTML source'}</summary>
          <pre className="body-text">{text}</pre>
        </details>
      ) : null}
      {bytes.length > 0 && (view === 'source' || view === 'text') ? <pre className="body-text">{text}</pre> : null}
      {bytes.length > 0 && view === 'tree' ? <Parsed text={text} /> : null}
      {bytes.length > 0 && view === 'hex' ? <pre className="body-text">{hexDump(bytes)}</pre> : null}
      {bytes.length > 0 && view === 'image' ? <ImageView bytes={bytes} type={type} /> : null}
    </section>
  )
}
