import { useState, type KeyboardEvent } from 'react'
import { usePlayground } from '../../state/store.ts'
import { freshFileName } from './editor-config.ts'
import { FileNameForm } from './FileNameForm.tsx'

type Pending = { kind: 'add' } | { kind: 'rename'; from: string } | { kind: 'delete'; path: string } | null

/** The project's files as tabs, with new / rename / delete for the open one. */
export function FileTabs() {
  const files = usePlayground((s) => s.files)
  const active = usePlayground((s) => s.activePath)
  const setActivePath = usePlayground((s) => s.setActivePath)
  const addFile = usePlayground((s) => s.addFile)
  const renameFile = usePlayground((s) => s.renameFile)
  const deleteFile = usePlayground((s) => s.deleteFile)
  const [pending, setPending] = useState<Pending>(null)
  const paths = Object.keys(files)

  // Arrow keys move between tabs (the WAI-ARIA tabs pattern); only the open tab is in the Tab order.
  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0
    if (step === 0) return
    e.preventDefault()
    const next = paths[(index + step + paths.length) % paths.length]
    if (next === undefined) return
    setActivePath(next)
    const tabs = e.currentTarget.parentElement?.querySelectorAll<HTMLButtonElement>('[role="tab"]')
    tabs?.[(index + step + paths.length) % paths.length]?.focus()
  }

  return (
    <div className="file-tabs">
      <div role="tablist" aria-label="Project files">
        {paths.map((p, i) => (
          <button
            key={p}
            type="button"
            role="tab"
            id={`file-tab-${i}`}
            aria-selected={p === active}
            aria-controls="code-editor-panel"
            tabIndex={p === active ? 0 : -1}
            onClick={() => setActivePath(p)}
            onDoubleClick={() => setPending({ kind: 'rename', from: p })}
            onKeyDown={(e) => onTabKey(e, i)}
          >
            {p}
          </button>
        ))}
      </div>
      <div role="toolbar" aria-label="File actions" className="file-actions">
        <button type="button" onClick={() => setPending({ kind: 'add' })}>New file</button>
        <button
          type="button"
          disabled={!(active in files)}
          onClick={() => setPending({ kind: 'rename', from: active })}
        >
          Rename file
        </button>
        <button
          type="button"
          disabled={!(active in files) || paths.length <= 1}
          onClick={() => setPending({ kind: 'delete', path: active })}
        >
          Delete file
        </button>
      </div>
      {pending?.kind === 'add' && (
        <FileNameForm label="New file name" submitLabel="Add" initial={freshFileName(files)} files={files}
          onCancel={() => setPending(null)}
          onSubmit={(name) => {
            addFile(name, '')
            setPending(null)
          }} />
      )}
      {pending?.kind === 'rename' && (
        <FileNameForm label={`Rename ${pending.from} to`} submitLabel="Rename" initial={pending.from} files={files}
          renaming={pending.from} onCancel={() => setPending(null)}
          onSubmit={(name) => {
            if (name !== pending.from) renameFile(pending.from, name)
            setPending(null)
          }} />
      )}
      {pending?.kind === 'delete' && (
        <div className="file-delete" role="group" aria-label={`Delete ${pending.path}?`}>
          <span>Delete {pending.path}? Imports of it will fail until you add it back.</span>
          <button type="button" autoFocus onClick={() => {
            deleteFile(pending.path)
            setPending(null)
          }}>Delete</button>
          <button type="button" onClick={() => setPending(null)}>Keep</button>
        </div>
      )}
    </div>
  )
}
