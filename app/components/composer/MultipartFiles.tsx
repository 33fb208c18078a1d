import { useState, type DragEvent } from 'react'
import type { ComposedFile } from '../../runtime/protocol.ts'
import { formatSize, readFile } from '../common/bytes.ts'

/** Files picked or dropped into a multipart body, each with its field name and content type. */
export function MultipartFiles({
  files,
  onChange,
}: {
  files: ComposedFile[]
  onChange: (files: ComposedFile[]) => void
}) {
  const [over, setOver] = useState(false)
  const add = async (list: FileList | null) => {
    if (!list || list.length === 0) return
    const added = await Promise.all(
      Array.from(list, async (file): Promise<ComposedFile> => ({
        field: 'file',
        name: file.name,
        content_type: file.type || 'application/octet-stream',
        content: await readFile(file),
      })),
    )
    onChange([...files, ...added])
  }
  const onDrop = (event: DragEvent) => {
    event.preventDefault()
    setOver(false)
    void add(event.dataTransfer.files)
  }
  const update = (i: number, patch: Partial<ComposedFile>) =>
    onChange(files.map((f, j) => (i === j ? { ...f, ...patch } : f)))
  return (
    <div
      className={over ? 'dropzone over' : 'dropzone'}
      onDragOver={(e) => {
        e.preventDefault()
        setOver(true)
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      {files.map((f, i) => (
        <div className="file-row" key={i}>
          <input
            aria-label={`File ${i + 1} field name`}
            value={f.field}
            onChange={(e) => update(i, { field: e.target.value })}
          />
          <span className="file-name" title={f.name}>
            {f.name}
          </span>
          <span className="muted">{formatSize(f.content.length)}</span>
          <input
            aria-label={`File ${i + 1} content type`}
            value={f.content_type}
            onChange={(e) => update(i, { content_type: e.target.value })}
          />
          <button
            type="button"
            className="icon"
            aria-label={`Remove file ${i + 1}`}
            onClick={() => onChange(files.filter((_, j) => j !== i))}
          >
            ×
          </button>
        </div>
      ))}
      <label className="file-pick">
        Add files
        <input
          type="file"
          multiple
          onChange={(e) => {
            void add(e.target.files)
            e.target.value = ''
          }}
        />
      </label>
      <span className="muted"> or drop them here</span>
    </div>
  )
}
