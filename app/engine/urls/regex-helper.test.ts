import { describe, expect, it } from 'vitest'
import { normalize } from './regex-helper.ts'

// Expected values: django.utils.regex_helper.normalize() in Django 5.2.19.
const CASES: Array<[string, Array<[string, string[]]> | string]> = [
  ["^places/([0-9]+)/$", [["places/%(_0)s/", ["_0"]]]],
  ["^places?/$", [["place/", []]]],
  ["^(?:places/)*$", [["", []]]],
  ["^people/(?P<name>\\w+)-(?P=name)/$", [["people/%(name)s-%(name)s/", ["name"]]]],
  ["^optional/(?P<arg1>\\d+)/(?:(?P<arg2>\\d+)/)?", [["optional/%(arg1)s/", ["arg1"]], ["optional/%(arg1)s/%(arg2)s/", ["arg1", "arg2"]]]],
  ["^nested/capture/named/(?P<outer>(?P<inner>\\w+)/)?$", [["nested/capture/named/", []], ["nested/capture/named/%(outer)s", ["outer"]]]],
  ["^people/((?P<state>\\w\\w)/test)?/(\\w+)/$", [["people//%(_1)s/", ["_1"]], ["people/%(_0)s/%(_1)s/", ["_0", "_1"]]]],
  ["^repeats/a{2,4}/$", [["repeats/aa/", []]]],
  ["^(?:foo|bar)(\\w+)/$", [["", []]]],
  ["^product/(?P<product>\\w+)\\+\\(\\$(?P<price>[0-9]+(\\.[0-9]+)?)\\)/$", [["product/%(product)s+($%(price)s)/", ["product", "price"]]]],
  ["^windows_path/(?P<drive_name>[A-Z]):\\\\(?P<path>.+)/$", [["windows_path/%(drive_name)s:\\%(path)s/", ["drive_name", "path"]]]],
  ["a\\b\\Bb\\Ac\\Z", [["abc", []]]],
  ["x(?=y)(?!z)(?<=w)q", [["xq", []]]],
  ["(?:a(?:(b)c)?)?d", [["d", []]]],
  ["^lookbehind-/(?P<city>[^/]+)(?<!not-a-city)/$", [["lookbehind-/%(city)s/", ["city"]]]],
  ["", [["", []]]],
  ["^$", [["", []]]],
  ["a.b\\.c\\s\\S\\d\\D\\w\\W", [["a.b.c x0xx!", []]]],
  ["(a)*(b)+(c)?", [["%(_1)s", ["_1"]], ["%(_1)s%(_2)s", ["_1", "_2"]], ["%(_0)s%(_1)s", ["_0", "_1"]], ["%(_0)s%(_1)s%(_2)s", ["_0", "_1", "_2"]]]],
  ["[\\]x]y", [["]y", []]]],
  ["^(?i)abc", "ValueError: Non-reversible reg-exp portion: '(?i'"],
]

describe('normalize', () => {
  for (const [pattern, expected] of CASES) {
    it(JSON.stringify(pattern), () => {
      if (typeof expected === 'string') {
        const [name, message] = expected.split(': ')
        expect(() => normalize(pattern)).toThrow(message!)
        expect(() => normalize(pattern)).toThrow(expect.objectContaining({ name }))
      } else {
        expect(normalize(pattern)).toEqual(expected)
      }
    })
  }
})
