/**
 * `django/conf` for user code: `settings` reads the site's active settings (Django's
 * `from django.conf import settings`), and the types a `settings.ts` file is written against.
 */
import { get_settings } from '../../engine/conf/context.ts'
import type { Settings } from '../../engine/conf/settings.ts'

export { global_settings } from '../../engine/conf/settings.ts'
export type { Settings, SettingsOverrides } from '../../engine/conf/settings.ts'

/** The active settings, read at access time (`settings.DEBUG`). */
export const settings: Settings = new Proxy({} as Settings, {
  get: (_target, name) => get_settings()[name as keyof Settings],
  has: (_target, name) => name in get_settings(),
  ownKeys: () => Reflect.ownKeys(get_settings()),
  getOwnPropertyDescriptor: (_target, name) => ({ configurable: true, enumerable: true, value: get_settings()[name as keyof Settings] }),
})
