import { usePlayground } from '../../state/store.ts'
import { readFile, formatSize } from '../common/bytes.ts'
import { BODY_KINDS, jsonError, switchBody } from './body-kinds.ts'
import { MultipartFiles } from './MultipartFiles.tsx'
import { PairsTable } from './PairsTable.tsx'

/** The body: none, form fields (urlencoded or multipart with files), JSON checked as typed, raw text, binary. */
export function BodyEditor() {
  const body = usePlayground((s) => s.composer.body)
  const setBody = usePlayground((s) => s.setBody)
  const error = body.kind === 'json' ? jsonError(body.text) : null
  return (
    <div className="body-editor">
      <fieldset className="body-kinds">
        <legend>Body</legend>
        {BODY_KINDS.map(([kind, label]) => (
          <label key={kind}>
            <input
              type="radio"
              name="body-kind"
              checked={body.kind === kind}
              onChange={() => setBody(switchBody(body, kind))}
            />
            {label}
          </label>
        ))}
      </fieldset>
      {body.kind === 'urlencoded' || body.kind === 'multipart' ? (
        <PairsTable rows={body.fields} onChange={(fields) => setBody({ ...body, fields })} label="Field" />
      ) : null}
      {body.kind === 'multipart' ? (
        <MultipartFiles files={body.files} onChange={(files) => setBody({ ...body, files })} />
      ) : null}
      {body.kind === 'json' ? (
        <>
          <textarea
            aria-label="JSON body"
            rows={6}
            spellCheck={false}
            value={body.text}
            aria-invalid={error !== null}
            aria-describedby="json-error"
            onChange={(e) => setBody({ kind: 'json', text: e.target.value })}
          />
          <p id="json-error" className={error ? 'error' : 'ok'}>
            {error ? `Invalid JSON: ${error}` : 'Valid JSON'}
          </p>
        </>
      ) : null}
      {body.kind === 'raw' ? (
        <>
          <input
            aria-label="Body content type"
            value={body.content_type}
            onChange={(e) => setBody({ ...body, content_type: e.target.value })}
          />
          <textarea
            aria-label="Raw body"
            rows={6}
            spellCheck={false}
            value={body.text}
            onChange={(e) => setBody({ ...body, text: e.target.value })}
          />
        </>
      ) : null}
      {body.kind === 'binary' ? (
        <div className="binary">
          <label className="file-pick">
            Choose binary file
            <input
              type="file"
              onChange={async (e) => {
                const file = e.target.files?.[0]
                if (!file) return
                const content = await readFile(file)
                setBody({
                  kind: 'binary',
                  content,
                  name: file.name,
                  content_type: file.type || 'application/octet-stream',
                })
              }}
            />
          </label>
          <span className="muted">
            {body.name ? `${body.name}, ${formatSize(body.content.length)}` : 'No file chosen'}
          </span>
          <input
            aria-label="Body content type"
            value={body.content_type}
            onChange={(e) => setBody({ ...body, content_type: e.target.value })}
          />
        </div>
      ) : null}
    </div>
  )
}
