/** Port of django/db/utils.py (the database error classes the stores raise). */
import { PythonError } from '../core/exceptions.ts'

/** Django's DatabaseError: the base of the store's errors. */
export class DatabaseError extends PythonError {}

/** A row with that key (or a unique value) already exists. */
export class IntegrityError extends DatabaseError {}
