/**
 * Port of django/utils/module_loading.py (`import_string`). Nothing can be imported by name in
 * a browser worker, so Django's dotted names (settings such as MIDDLEWARE, PASSWORD_HASHERS,
 * SESSION_ENGINE) resolve through one registry: the engine registers its classes under Django's
 * paths, and a site registers its own objects under any dotted path it likes.
 */
import { ImportError } from './exceptions.ts'

const registry = new Map<string, unknown>()

/** Makes `import_string(dotted_path)` return `value`; returns `value`. */
export function register_import<T>(dotted_path: string, value: T): T {
  registry.set(dotted_path, value)
  return value
}

/** Forgets a registered path (a site being rebuilt drops its own names). */
export function unregister_import(dotted_path: string): void {
  registry.delete(dotted_path)
}

/** True when something was registered under this exact dotted path. */
export function is_registered_import(dotted_path: string): boolean {
  return registry.has(dotted_path)
}

/**
 * `import_string('package.module.Name')`: the object registered under that path, or Django's
 * ImportError: not a dotted path, no such module, or a module without that attribute.
 */
export function import_string<T = unknown>(dotted_path: string): T {
  if (registry.has(dotted_path)) return registry.get(dotted_path) as T
  const dot = dotted_path.lastIndexOf('.')
  if (dot < 0) throw new ImportError(`${dotted_path} doesn't look like a module path`)
  const module = dotted_path.slice(0, dot)
  const known = [...registry.keys()].some((name) => name.startsWith(module + '.'))
  if (!known) throw new ImportError(`No module named '${module}'`)
  throw new ImportError(`Module "${module}" does not define a "${dotted_path.slice(dot + 1)}" attribute/class`)
}

/**
 * `import_module('package.module')`: the module-like object registered under that path (the
 * session engines are registered as `{ SessionStore }`), or ImportError.
 */
export function import_module<T = unknown>(name: string): T {
  if (registry.has(name)) return registry.get(name) as T
  throw new ImportError(`No module named '${name}'`)
}
