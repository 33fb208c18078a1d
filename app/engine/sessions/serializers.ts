/** Port of django/contrib/sessions/serializers.py (the JSON serializer sessions use). */
import { latin1_decode } from '../core/encoding.ts'
import { register_import } from '../core/module-loading.ts'
import { JSONSerializer as SigningJSONSerializer } from '../signing/base.ts'

/**
 * The keys of a JSON object's top level, in the order the text lists them (first occurrence),
 * since a JavaScript object would put integer-like keys ("1", "2") first.
 */
function top_level_keys(text: string): string[] {
  const keys: string[] = []
  let depth = 0
  let i = 0
  while (i < text.length) {
    const ch = text[i]!
    if (ch === '"') {
      let end = i + 1
      while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1
      let next = end + 1
      while (/\s/.test(text[next] ?? '')) next++
      if (depth === 1 && text[next] === ':') keys.push(JSON.parse(text.slice(i, end + 1)))
      i = end + 1
      continue
    }
    if (ch === '{' || ch === '[') depth++
    else if (ch === '}' || ch === ']') depth--
    i++
  }
  return [...new Set(keys)]
}

/**
 * Django's session serializer (`django.core.signing.JSONSerializer`). A session dict loads as a
 * Map so its keys keep Python's insertion order, and so re-encode to the same bytes.
 * DEVIATION(django): dicts nested inside stay plain objects, whose integer-like keys come first.
 */
export class JSONSerializer extends SigningJSONSerializer {
  override loads(data: Uint8Array): unknown {
    const value = super.loads(data)
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return value
    const record = value as Record<string, unknown>
    const text = latin1_decode(data)
    return new Map(top_level_keys(text).map((key) => [key, record[key]]))
  }
}

register_import('django.contrib.sessions.serializers.JSONSerializer', JSONSerializer)
