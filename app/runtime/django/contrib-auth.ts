/** `django/contrib/auth` for user code: authenticate, login, logout, get_user and the session keys. */
export {
  aauthenticate,
  aget_user,
  alogin,
  alogout,
  authenticate,
  BACKEND_SESSION_KEY,
  get_user,
  get_user_model,
  HASH_SESSION_KEY,
  login,
  logout,
  REDIRECT_FIELD_NAME,
  SESSION_KEY,
  update_session_auth_hash,
} from '../../engine/auth/index.ts'
