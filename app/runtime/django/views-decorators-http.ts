/** `django/views/decorators/http` for user code. */
export { require_GET, require_http_methods, require_POST, require_safe } from '../../engine/views/index.ts'
