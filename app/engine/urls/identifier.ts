/** Port of Python's `str.isidentifier()` (PEP 3131), which route parameter and regex group names must pass. */

// JavaScript knows ID_Start/ID_Continue; Python uses the XID variants, which leave out these few
// characters whose NFKC forms are not identifiers.
const NOT_XID_START = /[\u037a\u0e33\u0eb3\u309b\u309c\ufc5e-\ufc63\ufdfa\ufdfb\ufe70\ufe72\ufe74\ufe76\ufe78\ufe7a\ufe7c\ufe7e\uff9e\uff9f]/u
const NOT_XID_CONTINUE = /[\u037a\u309b\u309c\ufc5e-\ufc63\ufdfa\ufdfb\ufe70\ufe72\ufe74\ufe76\ufe78\ufe7a\ufe7c\ufe7e]/u
const IDENTIFIER = /^[\p{ID_Start}_][\p{ID_Continue}\u00b7\u0387\u1369-\u1371\u19da]*$/u

/** `name.isidentifier()`: a letter or `_`, then letters, digits, marks and connectors. */
export function is_identifier(name: string): boolean {
  if (!IDENTIFIER.test(name)) return false
  const [first = '', ...rest] = [...name]
  if (NOT_XID_START.test(first)) return false
  return !rest.some((ch) => NOT_XID_CONTINUE.test(ch))
}
