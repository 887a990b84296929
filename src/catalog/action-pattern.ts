/** A compiled Action/NotAction entry such as `s3:Get*`: the service part and a case-insensitive test. */
export interface ActionPattern {
  /** The entry as written. */
  readonly text: string
  /** The lower-cased service prefix, or undefined when the service part has a wildcard (or no colon). */
  readonly service: string | undefined
  /** Whether the pattern matches `service:Action` (case-insensitive, `*` and `?` wildcards). */
  readonly matches: (fullName: string) => boolean
}

/** Compiles an Action or NotAction entry; AWS matches actions case-insensitively with `*` and `?`. */
export function compileActionPattern(text: string): ActionPattern {
  const colon = text.indexOf(':')
  const servicePart = colon < 0 ? text : text.slice(0, colon)
  const service = colon < 0 || /[*?]/.test(servicePart) ? undefined : servicePart.toLowerCase()
  if (!/[*?]/.test(text)) {
    const lower = text.toLowerCase()
    return { text, service, matches: (fullName) => fullName.toLowerCase() === lower }
  }
  const source = text
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.')
  const regex = new RegExp(`^${source}$`, 'is')
  return { text, service, matches: (fullName) => regex.test(fullName) }
}

/** Whether an entry is the bare `*` that matches every action of every service. */
export function isStar(text: string): boolean {
  return text === '*'
}
