import { useMemo } from 'react'
import type { SeenFile } from '../../runtime/protocol.ts'
import { dataUrl, decodeText, downloadBytes, formatSize, looksLikeText } from '../common/bytes.ts'

function Preview({ file }: { file: SeenFile }) {
  const type = file.content_type ?? ''
  const isImage = type.startsWith('image/')
  const url = useMemo(() => (isImage ? dataUrl(file.head, type) : null), [file.head, type, isImage])
  if (url) return <img src={url} alt={`Preview of ${file.name}`} className="thumb" />
  if (looksLikeText(file.head))
    return <pre className="file-preview">{decodeText(file.head.subarray(0, 2048), file.charset)}</pre>
  return <span className="muted">binary</span>
}

/** request.FILES: field, name, size, content type, a preview and a download of each upload. */
export function FilesTab({ files }: { files: SeenFile[] }) {
  if (files.length === 0) return <p className="empty">No files were uploaded.</p>
  return (
    <table className="kv files" aria-label="Uploaded files">
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Name</th>
          <th scope="col">Size</th>
          <th scope="col">Content type</th>
          <th scope="col">Preview</th>
          <th scope="col">
            <span className="sr-only">Download</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {files.map((f, i) => (
          <tr key={i}>
            <th scope="row">{f.field}</th>
            <td>
              <code>{f.name}</code>
            </td>
            <td>
              {f.size} bytes{f.size >= 1024 ? ` (${formatSize(f.size)})` : ''}
            </td>
            <td>
              <code>{f.content_type ?? '—'}</code>
              {f.charset ? `; charset=${f.charset}` : ''}
            </td>
            <td>
              <Preview file={f} />
            </td>
            <td>
              <button type="button" className="link" onClick={() => downloadBytes(f.head, f.name, f.content_type)}>
                Download {f.name}
              </button>
              {f.head.length < f.size ? <span className="muted small"> first {formatSize(f.head.length)}</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
