/** The declarations vite-plugin-django-types.ts serves: Monaco path → .d.ts text. */
declare module 'virtual:django-types' {
  const libs: ReadonlyArray<{ path: string; text: string }>
  export default libs
}
