/** Port of django/utils/datastructures.py (MultiValueDict, ImmutableList; CaseInsensitiveMapping re-exported). */
import { AttributeError, KeyError } from './exceptions.ts'
import { pyrepr, str_repr } from './python.ts'
import { dict_entries, is_iterable, py_deepcopy, py_equals, unpack_pair } from './py-values.ts'

export { CaseInsensitiveMapping } from './case-insensitive-mapping.ts'

/** The KeyError a MultiValueDict raises for a missing key; the message is the key's repr. */
export class MultiValueDictKeyError extends KeyError {}

/** What `new MultiValueDict(...)` and `update()` accept: another MultiValueDict, a Map, a record, or pairs. */
export type MultiValueDictInit<V> =
  | MultiValueDict<V>
  | Map<string, V[]>
  | Record<string, V[]>
  | Iterable<readonly [string, V[]]>

function keyRepr(key: unknown): string {
  return typeof key === 'string' ? str_repr(key) : pyrepr(key)
}

/**
 * A dict whose stored values are lists: `getitem` answers the last value, `getlist` the list.
 * Keys keep insertion order, like a Python 3.7+ dict.
 */
export class MultiValueDict<V = unknown> implements Iterable<string> {
  // The raw key -> list map (Python's dict storage). Values are lists unless a caller stored otherwise.
  #store = new Map<string, V[]>()

  constructor(key_to_list_mapping?: MultiValueDictInit<V> | null) {
    if (key_to_list_mapping === undefined || key_to_list_mapping === null) return
    if (key_to_list_mapping instanceof MultiValueDict) {
      for (const [k, v] of key_to_list_mapping.lists()) this.#store.set(k, v)
      return
    }
    const entries = dict_entries(key_to_list_mapping)
    if (entries) {
      for (const [k, v] of entries) this.#store.set(k as string, v as V[])
      return
    }
    for (const elem of key_to_list_mapping as Iterable<unknown>) {
      const [k, v] = unpack_pair(elem)
      this.#store.set(k as string, v as V[])
    }
  }

  /** `repr()`: `<MultiValueDict: {'key': ['value']}>` (the subclass name for subclasses). */
  toString(): string {
    return `<${this.constructor.name}: ${pyrepr(new Map(this.#store))}>`
  }

  /** `d[key]`: the last value of the list; an empty list gives `[]`; a missing key raises MultiValueDictKeyError. */
  getitem(key: string): V {
    if (!this.#store.has(key)) throw new MultiValueDictKeyError(keyRepr(key))
    const list: unknown = this.#store.get(key)
    if (typeof list === 'string') return (list.length ? [...list].at(-1) : []) as V
    if (!Array.isArray(list)) throw new TypeError(`'${list === null ? 'NoneType' : typeof list}' object is not subscriptable`)
    return (list.length ? list[list.length - 1] : []) as V
  }

  /** `d[key] = value`: replaces the list with `[value]`. */
  setitem(key: string, value: V): void {
    this.#store.set(key, [value])
  }

  /** `del d[key]`. */
  delitem(key: string): void {
    if (!this.#store.delete(key)) throw new KeyError(keyRepr(key))
  }

  /** `key in d`. */
  has(key: string): boolean {
    return this.#store.has(key)
  }

  /** `len(d)`: the number of keys. */
  get length(): number {
    return this.#store.size
  }

  /** Iterates over the keys, as `for key in d`. */
  [Symbol.iterator](): Iterator<string> {
    return this.#store.keys()
  }

  /** `get(key, default=None)`: the last value, or `default` when the key is missing or its list is empty. */
  get<D = null>(key: string, default_: D = null as D): V | D {
    if (!this.#store.has(key)) return default_
    const value = this.getitem(key)
    return Array.isArray(value) && value.length === 0 ? default_ : value
  }

  /** @internal Django's `_getlist`: the stored list itself (live), or `default`/`[]` when missing. */
  _getlist<D = null>(key: string, default_: D = null as D, force_list = false): V[] | D {
    if (!this.#store.has(key)) return default_ === null ? ([] as V[]) : default_
    const values: unknown = this.#store.get(key)
    if (!force_list) return values as V[]
    return values === null || values === undefined ? (null as D) : (Array.from(values as Iterable<V>) as V[])
  }

  /** `getlist(key, default=None)`: a copy of the list; missing ⇒ `default` if given, else `[]`. */
  getlist<D = null>(key: string, default_: D = null as D): V[] | D {
    return this._getlist(key, default_, true)
  }

  /** `setlist(key, list)`: stores the list as is. */
  setlist(key: string, list_: V[]): void {
    this.#store.set(key, list_)
  }

  /** `setdefault(key, default=None)`: stores `default` (through `setitem`) when absent, then answers `d[key]`. */
  setdefault(key: string, default_: V = null as V): V {
    // Look the value up again: a subclass setitem (QueryDict's) may store something else.
    if (!this.has(key)) this.setitem(key, default_)
    return this.getitem(key)
  }

  /** `setlistdefault(key, default_list=None)`: stores the list when absent and answers the stored (live) list. */
  setlistdefault(key: string, default_list: V[] | null = null): V[] {
    if (!this.has(key)) this.setlist(key, default_list ?? [])
    return this._getlist(key) as V[]
  }

  /** `appendlist(key, value)`: appends to the key's list, creating it. */
  appendlist(key: string, value: V): void {
    this.setlistdefault(key).push(value)
  }

  /** @internal `appendlist` for each pair, straight into the storage: for subclasses whose hooks are not overridden. */
  protected appendPairs(pairs: ReadonlyArray<readonly [string, V]>): void {
    const store = this.#store
    for (const [key, value] of pairs) {
      const list = store.get(key)
      if (list === undefined) store.set(key, [value])
      else list.push(value)
    }
  }

  /** `items()`: `[key, last value]` per key. */
  items(): Array<[string, V]> {
    return [...this.#store.keys()].map((k) => [k, this.getitem(k)])
  }

  /** `lists()`: `[key, list]` per key (the live lists). */
  lists(): Array<[string, V[]]> {
    return [...this.#store.entries()]
  }

  /** `values()`: the last value per key. */
  values(): V[] {
    return [...this.#store.keys()].map((k) => this.getitem(k))
  }

  /** `keys()`. */
  keys(): string[] {
    return [...this.#store.keys()]
  }

  /** `pop(key[, default])`: removes the key and answers its whole list; missing without default ⇒ KeyError. */
  pop<D = never>(key: string, ...default_: [D?]): V[] | D {
    if (this.#store.has(key)) {
      const list = this.#store.get(key)!
      this.#store.delete(key)
      return list
    }
    if (default_.length) return default_[0] as D
    throw new KeyError(keyRepr(key))
  }

  /** `popitem()`: removes and answers the last inserted `[key, list]`. */
  popitem(): [string, V[]] {
    const last = [...this.#store.entries()].at(-1)
    if (!last) throw new KeyError("'popitem(): dictionary is empty'")
    this.#store.delete(last[0])
    return last
  }

  /** `clear()`. */
  clear(): void {
    this.#store.clear()
  }

  /**
   * `update(other)`: extends lists, never replaces them. A MultiValueDict extends each key's list
   * with the other list; a mapping (record, Map) or an iterable of pairs appends each value. Python's
   * keyword arguments are passed as a record. More than one argument raises TypeError.
   */
  update(...args: unknown[]): void {
    if (args.length > 1) throw new TypeError(`update expected at most 1 argument, got ${args.length}`)
    if (args.length === 0) return
    const arg = args[0]
    if (arg instanceof MultiValueDict) {
      for (const [key, value_list] of arg.lists()) this.setlistdefault(key).push(...(value_list as V[]))
      return
    }
    let pairs: Iterable<unknown>
    if (isMapping(arg)) pairs = mappingItems(arg)
    else if (is_iterable(arg)) pairs = arg
    else throw new TypeError(`'${arg === null ? 'NoneType' : typeof arg}' object is not iterable`)
    for (const elem of pairs) {
      const [key, value] = unpack_pair(elem)
      this.setlistdefault(key as string).push(value as V)
    }
  }

  /** `dict()`: a plain record of key → last value. */
  dict(): Record<string, V> {
    const out: Record<string, V> = Object.create(null)
    for (const key of this.#store.keys()) out[key] = this.getitem(key)
    return out
  }

  /** `copy()`: a shallow copy in which each list is copied. */
  copy(): this {
    return this.__copy__()
  }

  /** Python's `copy.copy(d)`: same class, each list copied, the values shared. */
  __copy__(): this {
    const Ctor = this.constructor as new (init?: unknown) => this
    return new Ctor(this.lists().map(([k, v]) => [k, [...v]]))
  }

  /** `copy.deepcopy(d)`: keys and lists (and the values in them) copied. */
  deepcopy(): this {
    const Ctor = this.constructor as new () => this
    const result = new Ctor()
    for (const [key, value] of this.#store) result.#store.set(key, py_deepcopy(value))
    return result
  }

  /** `d == other`: equality of the key → list maps (`QueryDict('a=1').equals({ a: ['1'] })`). */
  equals(other: unknown): boolean {
    const mine = new Map(this.#store)
    if (other instanceof MultiValueDict) return py_equals(mine, new Map(other.#store))
    const entries = dict_entries(other)
    return entries !== null && py_equals(mine, new Map(entries))
  }
}

/** Anything that `isinstance(x, Mapping)` would accept here. */
function isMapping(value: unknown): boolean {
  if (dict_entries(value)) return true
  return value !== null && typeof value === 'object' && typeof (value as { items?: unknown }).items === 'function' && !Array.isArray(value)
}

function mappingItems(value: unknown): Iterable<unknown> {
  const entries = dict_entries(value)
  if (entries) return entries
  return (value as { items(): Iterable<unknown> }).items()
}

// A plain function, not a #private method: the list is wrapped in a Proxy, which #private access rejects.
function refuse(list: { readonly warning: string }): never {
  throw new AttributeError(list.warning)
}

/** Django's ImmutableList: a tuple-like list whose mutators raise AttributeError with `warning`. */
export class ImmutableList<T> extends Array<T> {
  static override get [Symbol.species](): ArrayConstructor {
    return Array
  }

  /** Builds the list; any later mutation raises `AttributeError(warning)`. */
  static of_items<T>(items: Iterable<T>, warning = 'ImmutableList object is immutable.'): ImmutableList<T> {
    const list = new ImmutableList<T>()
    Array.prototype.push.apply(list, [...items])
    Object.defineProperty(list, 'warning', { value: warning, enumerable: false })
    const complain = () => {
      throw new AttributeError(warning)
    }
    return new Proxy(list, { set: complain, deleteProperty: complain, defineProperty: complain })
  }

  /** The message mutators raise. */
  declare readonly warning: string

  /** `l[i] = v`: refused. */
  setitem(_index: number, _value: T): never {
    return refuse(this)
  }

  /** `del l[i]`: refused. */
  delitem(_index: number): never {
    return refuse(this)
  }

  override push(..._items: T[]): never {
    return refuse(this)
  }
  override pop(): never {
    return refuse(this)
  }
  override shift(): never {
    return refuse(this)
  }
  override unshift(..._items: T[]): never {
    return refuse(this)
  }
  override splice(): never {
    return refuse(this)
  }
  override sort(): never {
    return refuse(this)
  }
  override reverse(): never {
    return refuse(this)
  }
  override fill(): never {
    return refuse(this)
  }
  override copyWithin(): never {
    return refuse(this)
  }

  /** Python's tuple repr: `(0, 1, 2)`, `(1,)`. */
  override toString(): string {
    const items = [...this].map((item) => pyrepr(item))
    return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`
  }
}
