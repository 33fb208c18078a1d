/** Port of django/contrib/sessions/exceptions.py and the backends' CreateError / UpdateError. */
import { BadRequest, PythonError, SuspiciousOperation } from '../core/exceptions.ts'

/** The session key holds characters Django never puts in one. */
export class InvalidSessionKey extends SuspiciousOperation {}

/** The session data could not be trusted (a bad signature). */
export class SuspiciousSession extends SuspiciousOperation {}

/** The session was deleted while the request ran (a concurrent logout): a 400. */
export class SessionInterrupted extends BadRequest {}

/** `save(must_create=True)` found the key already taken. */
export class CreateError extends PythonError {}

/** `save()` found no stored session to update. */
export class UpdateError extends PythonError {}
