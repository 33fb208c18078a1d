/** `django/views/decorators/csrf` for user code. */
export { csrf_exempt, csrf_protect, ensure_csrf_cookie, requires_csrf_token } from '../../engine/csrf/index.ts'
