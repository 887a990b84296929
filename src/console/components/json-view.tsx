/** A policy or event document, pretty-printed in a focusable, scrollable block. */
export function JsonView(props: { readonly value: unknown; readonly label: string }) {
  const text =
    typeof props.value === 'string' ? prettyJson(props.value) : JSON.stringify(props.value, null, 2)
  return (
    <section aria-label={props.label}>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable block must be reachable by keyboard. */}
      <pre className="json" tabIndex={0}>
        {text}
      </pre>
    </section>
  )
}

/** `text` re-indented when it is JSON; as is otherwise. */
export function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2)
  } catch {
    return text
  }
}
