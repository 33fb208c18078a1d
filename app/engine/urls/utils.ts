/** Port of django/urls/utils.py (get_callable, get_mod_func): views named by dotted path. */
import { ImportError, ViewDoesNotExist } from '../core/exceptions.ts'
import { import_string } from '../core/module-loading.ts'
import { pystr } from '../core/python.ts'

/** `get_mod_func('a.b.view')` → `['a.b', 'view']`; no dot → `[path, '']`. */
export function get_mod_func(callback: string): [string, string] {
  const dot = callback.lastIndexOf('.')
  if (dot < 0) return [callback, '']
  return [callback.slice(0, dot), callback.slice(dot + 1)]
}

// A "module" exists when something is registered under it: the module object itself, or a name below it.
function lookup(path: string): { found: true; value: unknown } | { found: false; moduleExists: boolean } {
  try {
    return { found: true, value: import_string(path) }
  } catch (error) {
    if (!(error instanceof ImportError)) throw error
    const [mod, attr] = get_mod_func(path)
    try {
      const module = import_string(mod) as Record<string, unknown> | null
      if (module !== null && typeof module === 'object' && attr in module) return { found: true, value: module[attr] }
      return { found: false, moduleExists: true }
    } catch (inner) {
      if (!(inner instanceof ImportError)) throw inner
    }
    return { found: false, moduleExists: error.message.startsWith('Module "') }
  }
}

function moduleExists(mod: string): boolean {
  const r = lookup(`${mod}.\u0000`)
  return r.found || r.moduleExists
}

/**
 * `get_callable(lookup_view)`: a callable is returned as is; a dotted path is imported through
 * the register_import() registry, with Django's ImportError / ViewDoesNotExist messages.
 */
export function get_callable(lookup_view: unknown): unknown {
  if (typeof lookup_view === 'function') return lookup_view
  if (typeof lookup_view !== 'string') {
    throw new ViewDoesNotExist(`'${pystr(lookup_view)}' is not a callable or a dot-notation path`)
  }
  const [mod_name, func_name] = get_mod_func(lookup_view)
  if (!func_name) throw new ImportError(`Could not import '${lookup_view}'. The path must be fully qualified.`)
  const found = lookup(lookup_view)
  if (found.found) {
    if (typeof found.value !== 'function') {
      throw new ViewDoesNotExist(`Could not import '${mod_name}.${func_name}'. View is not callable.`)
    }
    return found.value
  }
  if (found.moduleExists || moduleExists(mod_name)) {
    throw new ViewDoesNotExist(`Could not import '${lookup_view}'. View does not exist in module ${mod_name}.`)
  }
  const [parentmod, submod] = get_mod_func(mod_name)
  if (submod && moduleExists(parentmod)) {
    throw new ViewDoesNotExist(`Could not import '${lookup_view}'. Parent module ${mod_name} does not exist.`)
  }
  throw new ImportError(`No module named '${submod ? parentmod : mod_name}'`)
}
