/** `django/urls` for user code: path, re_path, include, reverse, resolve and friends. */
export {
  get_script_prefix,
  include,
  is_valid_path,
  NoReverseMatch,
  path,
  re_path,
  register_converter,
  resolve,
  Resolver404,
  ResolverMatch,
  reverse,
} from '../../engine/urls/index.ts'
