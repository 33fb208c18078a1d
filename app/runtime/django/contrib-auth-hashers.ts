/** `django/contrib/auth/hashers` for user code. */
export {
  check_password,
  identify_hasher,
  is_password_usable,
  make_password,
  PBKDF2PasswordHasher,
  PBKDF2SHA1PasswordHasher,
} from '../../engine/auth/index.ts'
