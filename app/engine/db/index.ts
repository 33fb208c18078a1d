/** django.db: the site's tables. */
export { Database, get_database, set_database, with_database } from './connection.ts'
export type { TableFactory } from './connection.ts'
export { MemoryTable } from './table.ts'
export type { Table } from './table.ts'
export { DatabaseError, IntegrityError } from './utils.ts'
