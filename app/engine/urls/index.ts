/** Port of django/urls/__init__.py: the public names of URL routing. */
export {
  clear_script_prefix,
  clear_url_caches,
  get_script_prefix,
  get_urlconf,
  is_valid_path,
  resolve,
  reverse,
  set_script_prefix,
  set_urlconf,
} from './base.ts'
export type { ReverseOptions } from './base.ts'
export { include, path, re_path } from './conf.ts'
export type { IncludeArg, IncludeTuple, PathOptions } from './conf.ts'
export {
  DEFAULT_CONVERTERS,
  get_converters,
  IntConverter,
  PathConverter,
  register_converter,
  REGISTERED_CONVERTERS,
  SlugConverter,
  StringConverter,
  unregister_converter,
  UUIDConverter,
} from './converters.ts'
export type { Converter, ConverterClass } from './converters.ts'
export { NoReverseMatch, Resolver404 } from './exceptions.ts'
export type { Resolver404Info } from './exceptions.ts'
export { RegexPattern, RoutePattern } from './patterns.ts'
export type { CheckMessage, Pattern } from './patterns.ts'
export { re_compile, re_escape } from './python-re.ts'
export { call_view, callable_path, ResolverMatch } from './resolver-match.ts'
export type { Kwargs, View, ViewAttributes, ViewResult } from './resolver-match.ts'
export { escape_leading_slashes, get_ns_resolver, get_resolver, URLResolver } from './resolvers.ts'
export type { URLConf, URLconf, URLconfModule, URLEntry } from './resolvers.ts'
export { URLPattern } from './url-pattern.ts'
export { get_callable, get_mod_func } from './utils.ts'
export { UUID } from './uuid.ts'
