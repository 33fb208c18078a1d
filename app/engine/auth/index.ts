/** django.contrib.auth: users, password hashing, backends, login/logout, the middleware and the decorators. */
export {
  aauthenticate,
  aget_user,
  alogin,
  alogout,
  aupdate_session_auth_hash,
  authenticate,
  BACKEND_SESSION_KEY,
  get_backends,
  get_user,
  get_user_model,
  HASH_SESSION_KEY,
  load_backend,
  login,
  logout,
  REDIRECT_FIELD_NAME,
  SESSION_KEY,
  update_session_auth_hash,
} from './auth.ts'
export type { AuthRequest, RequestUser } from './auth.ts'
export { AbstractBaseUser } from './base-user.ts'
export type { SaveOptions } from './base-user.ts'
export { accepts_credentials, AllowAllUsersModelBackend, BaseBackend, ModelBackend } from './backends.ts'
export type { AuthUser, CredentialSignature, PermUser } from './backends.ts'
export {
  acheck_password,
  BasePasswordHasher,
  check_password,
  get_hasher,
  get_hashers,
  get_hashers_by_algorithm,
  identify_hasher,
  is_password_usable,
  make_password,
  mask_hash,
  PBKDF2PasswordHasher,
  PBKDF2SHA1PasswordHasher,
  reset_hashers,
  UNUSABLE_PASSWORD_PREFIX,
  UNUSABLE_PASSWORD_SUFFIX_LENGTH,
  verify_password,
} from './hashers.ts'
export type { DecodedHash, PasswordHasherClass, PasswordSetter, RawPassword } from './hashers.ts'
export { AnonymousUser, User, UserManager } from './models.ts'
export type { UserFields, UserRow } from './models.ts'
export type { UserLookup } from './models-manager.ts'
export { AuthenticationMiddleware } from './middleware.ts'
export { update_last_login, user_logged_in, user_logged_out, user_login_failed } from './signals.ts'
export { login_not_required, login_required, permission_required, user_passes_test } from './decorators.ts'
export type { DecoratedView, PermissionRequiredOptions, UserPassesTestOptions, View } from './decorators.ts'
export { redirect_to_login } from './views.ts'
export type { UrlTarget } from './views.ts'
