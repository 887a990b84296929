import type { KeyboardEvent } from 'react'

/** One tab of a tab list. */
export interface TabSpec {
  readonly id: string
  readonly label: string
}

/** A WAI-ARIA tab list: arrow keys move between tabs, the selected tab alone is in the tab order. */
export function Tabs(props: {
  readonly label: string
  readonly tabs: readonly TabSpec[]
  readonly selected: string
  readonly onSelect: (id: string) => void
}) {
  const index = Math.max(
    0,
    props.tabs.findIndex((tab) => tab.id === props.selected),
  )
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0
    if (step === 0) return
    event.preventDefault()
    const next = props.tabs[(index + step + props.tabs.length) % props.tabs.length]!
    props.onSelect(next.id)
    document.getElementById(`tab-${next.id}`)?.focus()
  }
  return (
    <div role="tablist" aria-label={props.label} className="tabs" onKeyDown={onKeyDown}>
      {props.tabs.map((tab) => (
        <button
          key={tab.id}
          id={`tab-${tab.id}`}
          type="button"
          role="tab"
          aria-selected={tab.id === props.selected}
          aria-controls={`panel-${tab.id}`}
          tabIndex={tab.id === props.selected ? 0 : -1}
          onClick={() => props.onSelect(tab.id)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  )
}
