/** `django/middleware/csrf` for user code. */
export { CsrfViewMiddleware, get_token, rotate_token } from '../../engine/csrf/index.ts'
