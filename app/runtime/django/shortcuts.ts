/** `django/shortcuts` for user code. */
export { redirect, resolve_url } from '../../engine/shortcuts.ts'
