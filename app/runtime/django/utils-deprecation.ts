/** `django/utils/deprecation` for user code: the base class of hook-style middleware. */
export { MiddlewareMixin } from '../../engine/core/index.ts'
