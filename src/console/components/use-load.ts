import { useCallback, useEffect, useState } from 'react'
import { errorText } from '../clients.js'

/** The state of one asynchronous load. */
export interface Loaded<T> {
  readonly data?: T
  readonly error?: string
  readonly loading: boolean
  reload(): void
}

/** Runs `load` when `deps` change; keeps the result or the error text. */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: string; loading: boolean }>({ loading: true })
  const [generation, setGeneration] = useState(0)
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller names the dependencies of `load`.
  useEffect(() => {
    let live = true
    setState((previous) => Object.assign({}, previous, { loading: true }))
    load().then(
      (data) => live && setState({ data, loading: false }),
      (error: unknown) => live && setState({ error: errorText(error), loading: false }),
    )
    return () => {
      live = false
    }
  }, [...deps, generation])
  const reload = useCallback(() => setGeneration((g) => g + 1), [])
  return Object.assign({}, state, { reload })
}
