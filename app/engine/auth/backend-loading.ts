/** Port of django/contrib/auth/__init__.py (load_backend, get_backends: AUTHENTICATION_BACKENDS by dotted name). */
import { get_settings } from '../conf/context.ts'
import { ImproperlyConfigured } from '../core/exceptions.ts'
import { import_string } from '../core/module-loading.ts'
import type { BaseBackend } from './backends.ts'
// Registers Django's backend paths, so the default AUTHENTICATION_BACKENDS resolve.
import './backends.ts'

/** A backend class as AUTHENTICATION_BACKENDS names it. */
export type BackendClass = new () => BaseBackend

/** A new instance of the backend class registered under `path` (ImportError when none is). */
export function load_backend(path: string): BaseBackend {
  const cls = import_string<BackendClass>(path)
  return new cls()
}

/** @internal Each configured backend with its dotted path; ImproperlyConfigured when there are none. */
export function _get_backends_with_paths(): Array<[BaseBackend, string]> {
  const backends = get_settings().AUTHENTICATION_BACKENDS.map((path): [BaseBackend, string] => [load_backend(path), path])
  if (backends.length === 0) {
    throw new ImproperlyConfigured(
      'No authentication backends have been defined. Does AUTHENTICATION_BACKENDS contain anything?',
    )
  }
  return backends
}

/** An instance of each AUTHENTICATION_BACKENDS entry, in order. */
export function get_backends(): BaseBackend[] {
  return _get_backends_with_paths().map(([backend]) => backend)
}
