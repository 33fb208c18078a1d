/** The store's slices: plain data with the actions that change it, colocated (zustand slices pattern). */
import type { StateCreator } from 'zustand/vanilla'
import { DEFAULT_PREFS, defaultComposer, firstPath, MINIMAL_PROJECT } from './defaults.ts'
import type {
  ComposerSlice,
  ExchangesSlice,
  JarSlice,
  PlaygroundState,
  PrefsSlice,
  PreviewSlice,
  ProjectSlice,
  RuntimeSlice,
} from './types.ts'

type Slice<T> = StateCreator<PlaygroundState, [], [], T>

/** How many exchanges the history keeps (older ones drop off, so storage stays small). */
export const HISTORY_LIMIT = 50

export const projectSlice: Slice<ProjectSlice> = (set) => ({
  files: MINIMAL_PROJECT,
  activePath: firstPath(MINIMAL_PROJECT),
  setFile: (path, text) => set((s) => (s.files[path] === text ? s : { files: { ...s.files, [path]: text } })),
  addFile: (path, text = '') =>
    set((s) => (path in s.files ? { activePath: path } : { files: { ...s.files, [path]: text }, activePath: path })),
  renameFile: (from, to) =>
    set((s) => {
      if (!(from in s.files) || to in s.files || to === '') return s
      // Rebuild the object so the file keeps its place in the tab order.
      const files = Object.fromEntries(Object.entries(s.files).map(([p, t]) => [p === from ? to : p, t]))
      return { files, activePath: s.activePath === from ? to : s.activePath }
    }),
  deleteFile: (path) =>
    set((s) => {
      if (!(path in s.files)) return s
      const files = { ...s.files }
      delete files[path]
      return { files, activePath: s.activePath === path ? firstPath(files) : s.activePath }
    }),
  setActivePath: (path) => set({ activePath: path }),
  replaceProject: (files) => set({ files, activePath: firstPath(files) }),
})

export const composerSlice: Slice<ComposerSlice> = (set) => ({
  composer: defaultComposer(),
  setComposer: (patch) => set((s) => ({ composer: { ...s.composer, ...patch } })),
  setBody: (body) => set((s) => ({ composer: { ...s.composer, body } })),
  loadRequest: (request) => set({ composer: structuredClone(request) }),
})

export const exchangesSlice: Slice<ExchangesSlice> = (set) => ({
  exchanges: [],
  selectedId: null,
  compareIds: [],
  addExchange: (exchange) =>
    set((s) => ({ exchanges: [exchange, ...s.exchanges].slice(0, HISTORY_LIMIT), selectedId: exchange.id })),
  selectExchange: (id) => set({ selectedId: id }),
  toggleCompare: (id) =>
    set((s) => ({
      compareIds: s.compareIds.includes(id) ? s.compareIds.filter((x) => x !== id) : [...s.compareIds, id].slice(-2),
    })),
  clearHistory: () => set({ exchanges: [], selectedId: null, compareIds: [] }),
})

export const jarSlice: Slice<JarSlice> = (set) => ({
  jar: [],
  setJar: (jar) => set({ jar }),
  putCookie: (cookie, previousKey) =>
    set((s) => {
      const key = previousKey ?? cookie.key
      const at = s.jar.findIndex((c) => c.key === key)
      const jar = at < 0 ? [...s.jar, cookie] : s.jar.map((c, i) => (i === at ? cookie : c))
      return { jar }
    }),
  removeCookie: (key) => set((s) => ({ jar: s.jar.filter((c) => c.key !== key) })),
})

export const runtimeSlice: Slice<RuntimeSlice> = (set) => ({
  runtime: {
    status: 'idle',
    build: null,
    users: [],
    sending: null,
    notice: null,
    script: { running: null, result: null },
  },
  setRuntime: (patch) => set((s) => ({ runtime: { ...s.runtime, ...patch } })),
})

export const prefsSlice: Slice<PrefsSlice> = (set) => ({
  prefs: DEFAULT_PREFS,
  setPrefs: (patch) => set((s) => ({ prefs: { ...s.prefs, ...patch } })),
})

export const previewSlice: Slice<PreviewSlice> = (set) => ({
  preview: { worker: { state: 'starting' }, path: '/', title: '', entries: ['/'], index: 0, loads: 0, pending: true },
  setPreview: (patch) => set((s) => ({ preview: { ...s.preview, ...patch } })),
  previewArrived: (path) =>
    set((s) => {
      const p = s.preview
      // A load the pane asked for (address bar, back, forward, reload) ends in its own entry, even
      // after redirects; a link, a form or a script moves on to a new one.
      if (p.pending || p.entries[p.index] === path) {
        const entries = p.entries.map((e, i) => (i === p.index ? path : e))
        return { preview: { ...p, path, entries, pending: false } }
      }
      const entries = [...p.entries.slice(0, p.index + 1), path]
      return { preview: { ...p, path, entries, index: entries.length - 1 } }
    }),
  previewGo: (path) =>
    set((s) => {
      const p = s.preview
      const entries = [...p.entries.slice(0, p.index + 1), path]
      return { preview: { ...p, path, entries, index: entries.length - 1, loads: p.loads + 1, pending: true } }
    }),
  previewStep: (delta) =>
    set((s) => {
      const p = s.preview
      const index = Math.min(Math.max(p.index + delta, 0), p.entries.length - 1)
      if (delta !== 0 && index === p.index) return s
      return { preview: { ...p, index, path: p.entries[index] ?? '/', loads: p.loads + 1, pending: true } }
    }),
})
