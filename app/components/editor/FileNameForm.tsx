import { useState } from 'react'
import type { ProjectFiles } from '../../runtime/protocol.ts'
import { fileNameProblem } from './editor-config.ts'

interface Props {
  /** What the form does: "New file name" or "Rename views.ts to". */
  label: string
  submitLabel: string
  initial: string
  files: ProjectFiles
  /** The file being renamed (its own name is not "taken"). */
  renaming?: string
  onSubmit(name: string): void
  onCancel(): void
}

/** An inline file-name form: checks the name as it is typed, Enter submits, Escape cancels. */
export function FileNameForm({ label, submitLabel, initial, files, renaming, onSubmit, onCancel }: Props) {
  const [name, setName] = useState(initial)
  const problem = fileNameProblem(name.trim(), files, renaming)
  return (
    <form
      className="file-name-form"
      onSubmit={(e) => {
        e.preventDefault()
        if (problem === null) onSubmit(name.trim())
      }}
    >
      <label>
        {label}{' '}
        <input
          autoFocus
          value={name}
          aria-invalid={problem !== null}
          aria-describedby="file-name-problem"
          spellCheck={false}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') onCancel()
          }}
        />
      </label>
      <button type="submit" disabled={problem !== null}>{submitLabel}</button>
      <button type="button" onClick={onCancel}>Cancel</button>
      <span id="file-name-problem" aria-live="polite" className="file-name-problem">{problem ?? ''}</span>
    </form>
  )
}
