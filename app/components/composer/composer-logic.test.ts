import { describe, expect, it } from 'vitest'
import { jsonError, switchBody } from './body-kinds.ts'
import { passwordsFromSettings } from './users.ts'

describe('body kinds', () => {
  it('carries fields between form kinds and text between JSON and raw', () => {
    const form = switchBody({ kind: 'urlencoded', fields: [['a', '1']] }, 'multipart')
    expect(form).toEqual({ kind: 'multipart', fields: [['a', '1']], files: [] })
    expect(switchBody(form, 'urlencoded')).toEqual({ kind: 'urlencoded', fields: [['a', '1']] })
    const raw = switchBody({ kind: 'json', text: '{"x": 1}' }, 'raw')
    expect(raw).toEqual({ kind: 'raw', text: '{"x": 1}', content_type: 'text/plain' })
    expect(switchBody(raw, 'none')).toEqual({ kind: 'none' })
  })

  it('checks JSON as it is typed', () => {
    expect(jsonError('{"a": [1, 2]}')).toBeNull()
    expect(jsonError('{"a": }')).toMatch(/JSON|Unexpected/)
  })
})

describe('passwordsFromSettings', () => {
  it("reads the users' passwords from settings.ts for one-click logins", () => {
    const source = `export const users = [
  { username: 'alice', password: 'wonderland', email: 'alice@example.com', is_staff: true },
  { username: "bob", password: "builder" },
  { username: 'carol', is_staff: true },
]`
    expect(passwordsFromSettings(source)).toEqual({ alice: 'wonderland', bob: 'builder' })
    expect(passwordsFromSettings(undefined)).toEqual({})
  })
})
