/**
 * The site's database (Django's `connection`): named tables, one database active at a time. A
 * runtime keeps one for its site; tests and conformance cases activate a fresh one.
 */
import { with_slot } from '../core/scoped.ts'
import { MemoryTable, type Table } from './table.ts'

/** Makes the table for a name; the default keeps rows in memory. */
export type TableFactory = (name: string) => Table<unknown>

/** A set of named tables, created on first use. */
export class Database {
  readonly #tables = new Map<string, Table<unknown>>()

  constructor(readonly tableFactory: TableFactory = (name) => new MemoryTable(name)) {}

  /** The table called `name`. */
  table<Row>(name: string): Table<Row> {
    let table = this.#tables.get(name)
    if (table === undefined) {
      table = this.tableFactory(name)
      this.#tables.set(name, table)
    }
    return table as Table<Row>
  }
}

let active = new Database()
const slot = { get: () => active, set: (value: Database) => void (active = value) }

/** The database in force. */
export function get_database(): Database {
  return active
}

/** Makes `database` the one in force from now on (a runtime's site, a test's fresh store). */
export function set_database(database: Database): void {
  active = database
}

/** Runs `fn` with `database` in force, restoring the previous one afterwards (also after a promise). */
export function with_database<T>(database: Database, fn: () => T): T {
  return with_slot(slot, database, fn)
}
