/**
 * The site's tables: what Django keeps in its database (sessions, users), held here as rows of
 * plain data behind a small interface, so a playground can swap in persistent storage.
 */
import { IntegrityError } from './utils.ts'

/** One table: rows of plain, serialisable data under a string primary key. */
export interface Table<Row> {
  /** The row under `key`, or undefined. */
  get(key: string): Row | undefined
  /** Adds a row; IntegrityError when the key is taken. */
  insert(key: string, row: Row): void
  /** Replaces an existing row; false (and nothing stored) when there is none. */
  update(key: string, row: Row): boolean
  /** Removes a row; false when there was none. */
  delete(key: string): boolean
  /** The rows in insertion order. */
  entries(): IterableIterator<[string, Row]>
  /** A fresh integer for an auto-incremented primary key. */
  nextId(): number
  /** The number of rows. */
  readonly size: number
}

/** A table held in memory, the default store. */
export class MemoryTable<Row> implements Table<Row> {
  readonly #rows = new Map<string, Row>()
  #lastId = 0

  constructor(readonly name: string) {}

  get(key: string): Row | undefined {
    return this.#rows.get(key)
  }

  insert(key: string, row: Row): void {
    if (this.#rows.has(key)) {
      throw new IntegrityError(`UNIQUE constraint failed: ${this.name} primary key ${JSON.stringify(key)}`)
    }
    this.#rows.set(key, row)
  }

  update(key: string, row: Row): boolean {
    if (!this.#rows.has(key)) return false
    this.#rows.set(key, row)
    return true
  }

  delete(key: string): boolean {
    return this.#rows.delete(key)
  }

  entries(): IterableIterator<[string, Row]> {
    return this.#rows.entries()
  }

  nextId(): number {
    return ++this.#lastId
  }

  get size(): number {
    return this.#rows.size
  }
}
