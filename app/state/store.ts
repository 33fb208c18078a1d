/**
 * The playground store (zustand 5, vanilla core plus a React hook). Plain data only.
 *
 * Project API (the editor uses exactly these):
 *   files: ProjectFiles            path → source text, in tab order
 *   activePath: string             the file shown in the editor
 *   setFile(path, text)            replace a file's text (no-op when unchanged)
 *   addFile(path, text = '')       add a file and make it active (only activates when it exists)
 *   renameFile(from, to)           keeps its tab position; ignored when `to` exists or is empty
 *   deleteFile(path)               the active file falls back to views.ts or the first file
 *   setActivePath(path)            switch tabs
 * Read them with `usePlayground((s) => s.files)` or `playgroundStore.getState().setFile(...)`.
 */
import { createContext, useContext } from 'react'
import { useStore } from 'zustand'
import { createStore, type StoreApi } from 'zustand/vanilla'
import { composerSlice, exchangesSlice, jarSlice, prefsSlice, previewSlice, projectSlice, runtimeSlice } from './slices.ts'
import { firstPath } from './defaults.ts'
import type { PersistedState, PlaygroundState } from './types.ts'

export type PlaygroundStore = StoreApi<PlaygroundState>

/** A new store, optionally starting from saved state (or a first-visit project). */
export function createPlaygroundStore(initial?: Partial<PersistedState>): PlaygroundStore {
  return createStore<PlaygroundState>()((...a) => {
    const state: PlaygroundState = {
      ...projectSlice(...a),
      ...composerSlice(...a),
      ...exchangesSlice(...a),
      ...jarSlice(...a),
      ...runtimeSlice(...a),
      ...prefsSlice(...a),
      ...previewSlice(...a),
    }
    if (!initial) return state
    // Keys given as undefined keep the slice defaults; the start state is also the server snapshot.
    const given = Object.fromEntries(
      Object.entries(initial).filter(([, v]) => v !== undefined),
    ) as Partial<PersistedState>
    const merged: PlaygroundState = { ...state, ...given, prefs: { ...state.prefs, ...given.prefs } }
    if (given.files && !(given.activePath && given.activePath in given.files))
      merged.activePath = firstPath(given.files)
    return merged
  })
}

/** The store the app renders from; tests build their own with createPlaygroundStore. */
export const StoreContext = createContext<PlaygroundStore | null>(null)

/** The store from context (throws outside a provider, which is a wiring bug). */
export function usePlaygroundStore(): PlaygroundStore {
  const store = useContext(StoreContext)
  if (!store) throw new Error('usePlayground needs a <StoreContext.Provider>')
  return store
}

/** Subscribe to a narrow slice of the state. */
export function usePlayground<T>(selector: (state: PlaygroundState) => T): T {
  return useStore(usePlaygroundStore(), selector)
}
