import { usePlayground } from '../../state/store.ts'

/** The project's files as a simple tab strip with add/rename/delete (until the editor's own tabs arrive). */
export function FileTabs() {
  const files = usePlayground((s) => s.files)
  const paths = Object.keys(files)
  const active = usePlayground((s) => s.activePath)
  const setActivePath = usePlayground((s) => s.setActivePath)
  const addFile = usePlayground((s) => s.addFile)
  const renameFile = usePlayground((s) => s.renameFile)
  const deleteFile = usePlayground((s) => s.deleteFile)
  const ask = (message: string, value: string) => window.prompt(message, value)?.trim() || null
  return (
    <div className="file-tabs" role="toolbar" aria-label="Project files">
      {paths.map((p) => (
        <button key={p} type="button" aria-pressed={p === active} onClick={() => setActivePath(p)}>
          {p}
        </button>
      ))}
      <button
        type="button"
        className="icon"
        aria-label="Add file"
        onClick={() => {
          const name = ask('New file name', 'helpers.ts')
          if (name) addFile(name, '')
        }}
      >
        +
      </button>
      <button
        type="button"
        className="link"
        onClick={() => {
          const name = ask(`Rename ${active} to`, active)
          if (name) renameFile(active, name)
        }}
      >
        Rename
      </button>
      <button
        type="button"
        className="link"
        disabled={paths.length <= 1}
        onClick={() => {
          if (window.confirm(`Delete ${active}?`)) deleteFile(active)
        }}
      >
        Delete
      </button>
    </div>
  )
}
