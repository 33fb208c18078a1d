import { describe, expect, it } from 'vitest'
import { re_compile, re_escape } from './python-re.ts'

// Expected values come from CPython 3.13.5 (the Python Django 5.2.19 ran on for the oracle).
describe('re_compile', () => {
  const matches: Array<[string, string, [number, number, Array<string | null>] | null]> = [
    ['^regex/(?P<pk>[0-9]+)/$', 'regex/1/', [0, 8, ['1']]],
    ['^regex/(?P<pk>[0-9]+)/$', 'regex/1/\n', [0, 8, ['1']]],
    ['^regex/(?P<pk>[0-9]+)/\\Z', 'regex/1/\n', null],
    ['^people/(?P<name>\\w+)-(?P=name)/$', 'people/nate-nate/', [0, 17, ['nate']]],
    ['^people/(?P<name>\\w+)-(?P=name)/$', 'people/nate-fred/', null],
    ['^\\+\\\\\\$\\*/$', '+\\$*/', [0, 5, []]],
    ['^price/[\\$]([0-9]+)/$', 'price/$10/', [0, 10, ['10']]],
    ['^character_set/[\\w]/$', 'character_set/é/', [0, 16, []]],
    ['a{,2}b', 'aaab', [1, 4, []]],
    ['a{,}', 'aaa', [0, 3, []]],
    ['x{', 'x{', [0, 2, []]],
    ['{foo}', '{foo}', [0, 5, []]],
    ['[^\\W\\d]+', '1ab1', [1, 3, []]],
    ['[]a]+', 'x]a]', [1, 4, []]],
    ['(?i)abc', 'xABC', [1, 4, []]],
    ['(?x) a b # c', 'ab', [0, 2, []]],
    ['(a)|(b)', 'b', [0, 1, [null, 'b']]],
    ['\\d+', '\u0663\u0664', [0, 2, []]],
    ['\\w', '\u00b2', [0, 1, []]],
    ['\\w', '\u0301', null],
    ['.', '\n', null],
    ['(?s).', '\n', [0, 1, []]],
    ['^a$', 'a\n', [0, 1, []]],
    ['(?m)^b$', 'a\nb\nc', [2, 3, []]],
    ['\\bfoo\\b', 'é foo', [2, 5, []]],
    ['\\bfoo\\b', 'éfoo', null],
    ['(?>a+)b', 'aab', [0, 3, []]],
    ['(?P<a>x)(?:y)(z)\\2', 'xyzz', [0, 4, ['x', 'z']]],
    ['\\x41\\101\\0', 'AA\0', [0, 3, []]],
    ['[\\-&~#]+', 'a-&~#', [1, 5, []]],
    ['lookahead-/(?!not-a-city)(?P<city>[^/]+)/$', 'lookahead-/a-city/', [0, 18, ['a-city']]],
    ['(?P<city>[^/]+)(?<!not-a-city)/$', 'not-a-city/', null],
  ]
  for (const [pattern, text, expected] of matches) {
    it(`search(${JSON.stringify(pattern)}, ${JSON.stringify(text)})`, () => {
      const m = re_compile(pattern).search(text)
      expect(m && [m.start, m.end, m.groups]).toEqual(expected)
    })
  }

  it('groupdict keeps definition order and None for unmatched groups', () => {
    const m = re_compile('^optional/(?P<arg1>\\d+)/(?:(?P<arg2>\\d+)/)?').search('optional/1/')!
    expect(Object.entries(m.groupdict())).toEqual([['arg1', '1'], ['arg2', null]])
  })

  it('fullmatch needs the whole string', () => {
    expect(re_compile('a|ab').fullmatch('ab')).not.toBeNull()
    expect(re_compile('ab$').fullmatch('ab\n')).toBeNull()
  })

  const errors: Array<[string, string]> = [
    ['(regex_error/$', 'missing ), unterminated subpattern at position 0'],
    ['a)', 'unbalanced parenthesis at position 1'],
    ['[abc', 'unterminated character set at position 0'],
    ['\\q', 'bad escape \\q at position 0'],
    ['*a', 'nothing to repeat at position 0'],
    ['a**', 'multiple repeat at position 2'],
    ['a|*', 'nothing to repeat at position 2'],
    ['(?P=x)', "unknown group name 'x' at position 4"],
    ['(?P<a>x)(?P<a>y)', "redefinition of group name 'a' as group 2; was group 1 at position 12"],
    ['[z-a]', 'bad character range z-a at position 1'],
    ['[\\d-z]', 'bad character range \\d-z at position 1'],
    ['a(?i)b', 'global flags not at the start of the expression at position 1'],
    ['(?<x)', 'unknown extension ?<x at position 1'],
    ['(?z)', 'unknown extension ?z at position 1'],
    ['a{2,1}', 'min repeat greater than max repeat at position 2'],
    ['(?P<1a>x)', "bad character in group name '1a' at position 4"],
    ['(?P<>x)', 'missing group name at position 4'],
    ['(?P<a', 'missing >, unterminated name at position 4'],
    ['(?', 'unexpected end of pattern at position 2'],
    ['\\1', 'invalid group reference 1 at position 1'],
    ['(a)\\2', 'invalid group reference 2 at position 4'],
    ['\\', 'bad escape (end of pattern) at position 0'],
    ["(?L)a", "bad inline flags: cannot use 'L' flag with a str pattern at position 3"],
  ]
  for (const [pattern, message] of errors) {
    it(`rejects ${JSON.stringify(pattern)} as Python does`, () => {
      expect(() => re_compile(pattern)).toThrow(message)
    })
  }
})

describe('re_escape', () => {
  it('escapes only what Python 3.7+ escapes', () => {
    expect(re_escape("a-b/c d~e#f&g'h\"i%j<k>l:m@n!o,p;q=r_s\tt")).toBe(
      "a\\-b/c\\ d\\~e\\#f\\&g'h\"i%j<k>l:m@n!o,p;q=r_s\\\tt",
    )
  })
})
