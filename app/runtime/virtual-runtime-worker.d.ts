/** The runtime Worker's bundled source text, made by ./vite-plugin.ts. */
declare module 'virtual:runtime-worker' {
  const source: string
  export default source
}
