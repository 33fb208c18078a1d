/** `django/contrib/auth/models` for user code. */
export { AbstractBaseUser, AnonymousUser, User, UserManager } from '../../engine/auth/index.ts'
