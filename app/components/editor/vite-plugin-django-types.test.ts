import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  type DjangoTypeLib, emitDjangoTypes, LIB_ROOT, moduleShims, rewriteSpecifiers,
} from './vite-plugin-django-types.ts'

const APP_DIR = fileURLToPath(new URL('../..', import.meta.url))

describe(rewriteSpecifiers, () => {
  it('points relative .ts specifiers at .js, leaving packages alone', () => {
    const text = "export { a } from './a.ts';\nimport type { B } from '../b/index.ts';\n" +
      "type C = import('./c.ts').C;\nimport { x } from 'pako';\n"
    expect(rewriteSpecifiers(text)).toBe(
      "export { a } from './a.js';\nimport type { B } from '../b/index.js';\ntype C = import('./c.js').C;\n" +
        "import { x } from 'pako';\n",
    )
  })
})

describe(moduleShims, () => {
  it('declares each django module as a re-export of its emitted file', () => {
    expect(moduleShims({ 'django/http': 'http.ts' })).toBe(
      "declare module 'django/http' {\n  export * from 'django-playground/runtime/django/http.js'\n}\n",
    )
  })
})

describe(emitDjangoTypes, () => {
  let libs: DjangoTypeLib[] = []
  const text = (suffix: string) => libs.find((l) => l.path === LIB_ROOT + suffix)?.text ?? ''

  beforeAll(() => {
    libs = emitDjangoTypes(APP_DIR)
  }, 120_000)

  it('emits the django/* modules and the engine files they reach, and no tests', () => {
    expect(text('runtime/django/http.d.ts')).toContain("from '../../engine/http/index.js'")
    expect(libs.some((l) => l.path.endsWith('.test.d.ts') || l.path.includes('/tests/'))).toBe(false)
    for (const lib of libs) expect(lib.text).not.toMatch(/from '\.[^']*\.ts'/)
  })

  it('declares HttpResponse, JsonResponse, path and login_required', () => {
    expect(text('engine/http/response.d.ts')).toMatch(/export declare class HttpResponse\b/)
    expect(text('engine/http/response-subclasses.d.ts')).toMatch(/export declare class JsonResponse\b/)
    expect(text('engine/urls/conf.d.ts')).toMatch(/export declare (function|const) path\b/)
    expect(text('engine/auth/decorators.d.ts')).toMatch(/export declare function login_required\b/)
    expect(text('runtime/django/contrib-auth-decorators.d.ts')).toContain('login_required')
  })

  it('keeps the engine JSDoc for hover docs', () => {
    expect(text('engine/http/response.d.ts')).toContain('@see https://docs.djangoproject.com/')
  })

  it('shims every django/* module the runtime links', () => {
    const shims = text('modules.d.ts')
    const names = ['django/http', 'django/urls', 'django/shortcuts', 'django/contrib/auth', 'django/test',
      'django/views/decorators/http', 'django/views/decorators/csrf', 'django/middleware/csrf', 'django/core/signing']
    for (const name of names) {
      expect(shims).toContain(`declare module '${name}' {`)
    }
  })

  it('reaches every file a shim or an emitted file imports', () => {
    const paths = new Set(libs.map((l) => l.path))
    for (const lib of libs) {
      for (const m of lib.text.matchAll(/from '(\.{1,2}\/[^']+)\.js'/g)) {
        const target = new URL(m[1] + '.d.ts', lib.path).href
        expect(paths.has(target), `${lib.path} imports ${m[1]}`).toBe(true)
      }
    }
  })
})
