import type { Loaded } from './use-load.js'

/** "Loading…" or the error of a load, announced to screen readers; nothing once loaded. */
export function LoadStatus<T>(props: { readonly state: Loaded<T>; readonly what: string }) {
  if (props.state.error !== undefined)
    return (
      <p role="alert" className="error">
        Could not load {props.what}: {props.state.error}
      </p>
    )
  if (props.state.loading && props.state.data === undefined)
    return (
      <p aria-live="polite" className="muted">
        Loading {props.what}…
      </p>
    )
  return null
}
