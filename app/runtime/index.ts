/**
 * The page's entry to the isolated runtime. It imports no engine code: the engine and user code live
 * in the Worker's bundle, loaded on first use. Tests that want the runtime on their own thread import
 * `createInProcessHost` from `./in-process.ts` instead (it pulls in the engine).
 */
export { createRuntimeHost, type RuntimeHostOptions } from './host/runtime-host.ts'
export type {
  BuildResult,
  ClientAction,
  ComposedBody,
  ComposedFile,
  ComposedRequest,
  ConsoleEntry,
  Exchange,
  JarCookie,
  ProjectFiles,
  RuntimeHost,
  SeenError,
  SeenFile,
  SeenRequest,
  SeenResponse,
  SetCookie,
  Shown,
  SiteUser,
  WireRequest,
  WireResponse,
} from './protocol.ts'
