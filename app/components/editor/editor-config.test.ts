import { describe, expect, it } from 'vitest'
import { fileNameProblem, freshFileName, modelUri, projectPath } from './editor-config.ts'

const files = { 'settings.ts': '', 'urls.ts': '', 'views.ts': '' }

describe(modelUri, () => {
  it('puts project files under file:///project/ and reads them back', () => {
    expect(modelUri('lib/forms.ts')).toBe('file:///project/lib/forms.ts')
    expect(projectPath(modelUri('views.ts'))).toBe('views.ts')
    expect(projectPath('file:///node_modules/django-playground/modules.d.ts')).toBeNull()
  })
})

describe(fileNameProblem, () => {
  it('accepts new .ts paths inside the project', () => {
    expect(fileNameProblem('helpers.ts', files)).toBeNull()
    expect(fileNameProblem('lib/forms.ts', files)).toBeNull()
  })

  it('refuses empty, non-.ts, escaping, odd and taken names', () => {
    expect(fileNameProblem('', files)).toMatch(/name/)
    expect(fileNameProblem('notes.txt', files)).toMatch(/\.ts/)
    expect(fileNameProblem('../x.ts', files)).toMatch(/inside the project/)
    expect(fileNameProblem('/x.ts', files)).toMatch(/inside the project/)
    expect(fileNameProblem('a//b.ts', files)).toMatch(/inside the project/)
    expect(fileNameProblem('my file.ts', files)).toMatch(/letters/)
    expect(fileNameProblem('views.ts', files)).toBe('views.ts already exists.')
  })

  it('lets a file keep its own name when renaming', () => {
    expect(fileNameProblem('views.ts', files, 'views.ts')).toBeNull()
    expect(fileNameProblem('urls.ts', files, 'views.ts')).toBe('urls.ts already exists.')
  })
})

describe(freshFileName, () => {
  it('finds the first free helpers name', () => {
    expect(freshFileName(files)).toBe('helpers.ts')
    expect(freshFileName({ ...files, 'helpers.ts': '', 'helpers2.ts': '' })).toBe('helpers3.ts')
  })
})
