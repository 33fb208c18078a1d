/** Port of django/urls/converters.py (path converters and register_converter). */
import { pystr } from '../core/python.ts'
import { warn } from '../core/warnings.ts'
import { UUID } from './uuid.ts'

/** A path converter: the regex a `<conv:name>` placeholder matches, and the two conversions. */
export interface Converter {
  readonly regex: string
  /** URL text → Python value; a ValueError means "this pattern does not match". */
  to_python(value: string): unknown
  /** Value → URL text; a ValueError means "try the next pattern" in reverse(). */
  to_url(value: unknown): unknown
}

/** A converter class, instantiated once by register_converter (Django calls `converter()`). */
export type ConverterClass = new () => Converter

/** `<int:x>`: ASCII digits, converted with `int()`. */
export class IntConverter implements Converter {
  regex = '[0-9]+'

  to_python(value: string): number | bigint {
    // Python ints are unbounded; past 2**53 keep the exact value as a bigint.
    const n = Number(value)
    return Number.isSafeInteger(n) ? n : BigInt(value)
  }

  to_url(value: unknown): string {
    return pystr(value)
  }
}

/** `<str:x>` (the default): any non-empty text without `/`. */
export class StringConverter implements Converter {
  regex = '[^/]+'

  to_python(value: string): unknown {
    return value
  }

  to_url(value: unknown): unknown {
    return value
  }
}

/** `<uuid:x>`: a lower-case hyphenated UUID, converted to a UUID object. */
export class UUIDConverter implements Converter {
  regex = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'

  to_python(value: string): UUID {
    return new UUID(value)
  }

  to_url(value: unknown): string {
    return pystr(value)
  }
}

/** `<slug:x>`: ASCII letters, digits, hyphens and underscores. */
export class SlugConverter extends StringConverter {
  override regex = '[-a-zA-Z0-9_]+'
}

/** `<path:x>`: any non-empty text, `/` included. */
export class PathConverter extends StringConverter {
  override regex = '.+'
}

/** The built-in converters by name. */
export const DEFAULT_CONVERTERS: Readonly<Record<string, Converter>> = Object.freeze({
  int: new IntConverter(),
  path: new PathConverter(),
  slug: new SlugConverter(),
  str: new StringConverter(),
  uuid: new UUIDConverter(),
})

/** Converters added with register_converter(). */
export const REGISTERED_CONVERTERS: Record<string, Converter> = Object.create(null)

let converterCache: Record<string, Converter> | null = null
const clearHooks: Array<() => void> = []

/** Lets the route compiler drop its cache when the set of converters changes (Django's cache_clear()). */
export function on_converters_changed(hook: () => void): void {
  clearHooks.push(hook)
}

/** `register_converter(converter, type_name)`: makes `<type_name:...>` available to path(). */
export function register_converter(converter: ConverterClass, type_name: string): void {
  if (type_name in REGISTERED_CONVERTERS || type_name in DEFAULT_CONVERTERS) {
    // Django 5.1/5.2 still replace the converter (6.0 raises ValueError instead).
    warn(
      `Converter '${type_name}' is already registered. Support for overriding registered converters is ` +
        'deprecated and will be removed in Django 6.0.',
      'RemovedInDjango60Warning',
    )
  }
  REGISTERED_CONVERTERS[type_name] = new converter()
  clear_converter_cache()
}

/** Forgets a registered converter (Django's tests pop REGISTERED_CONVERTERS directly). */
export function unregister_converter(type_name: string): void {
  delete REGISTERED_CONVERTERS[type_name]
  clear_converter_cache()
}

function clear_converter_cache(): void {
  converterCache = null
  for (const hook of clearHooks) hook()
}

/** `get_converters()`: the defaults overlaid with the registered ones. */
export function get_converters(): Readonly<Record<string, Converter>> {
  if (!converterCache) converterCache = Object.assign(Object.create(null), DEFAULT_CONVERTERS, REGISTERED_CONVERTERS)
  return converterCache!
}
