/** `django/contrib/auth/decorators` for user code. */
export { login_not_required, login_required, permission_required, user_passes_test } from '../../engine/auth/index.ts'
