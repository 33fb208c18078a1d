/** The runtime on the current thread, for component and state tests (no isolation, no time limit). */
export { createInProcessHost } from './host/in-process.ts'
