/**
 * Glob patterns as IAM uses them: `*` matches any sequence (also empty), `?` exactly one character.
 * Characters that came from a policy variable are literal; a `literal` mask marks them.
 */

/** Text in which some characters are literal: `literal[i] === 1` means `text[i]` is never a wildcard. */
export interface PatternText {
  readonly text: string
  /** One byte per UTF-16 code unit, or `null` when every `*` and `?` is a wildcard. */
  readonly literal: Uint8Array | null
}

/** Wraps plain pattern text in which every `*` and `?` is a wildcard. */
export function patternText(text: string): PatternText {
  return { text, literal: null }
}

/** Folds one UTF-16 code unit to lower case (ASCII fast path). */
export function foldCode(code: number): number {
  if (code < 128) return code >= 65 && code <= 90 ? code + 32 : code
  const lower = String.fromCharCode(code).toLowerCase()
  return lower.length === 1 ? lower.charCodeAt(0) : code
}

/** Folds a whole string the way {@link foldCode} folds each code unit. */
export function foldText(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i++) out += String.fromCharCode(foldCode(text.charCodeAt(i)))
  return out
}

/** Whether `text` contains a `*` or `?` that is a wildcard. */
export function hasWildcard(pattern: PatternText, start = 0, end = pattern.text.length): boolean {
  for (let i = start; i < end; i++) {
    const c = pattern.text.charCodeAt(i)
    if ((c === 42 || c === 63) && (pattern.literal === null || pattern.literal[i] !== 1)) return true
  }
  return false
}

const STAR = 42
const QUESTION = 63

/** One run of a glob between two `*`: its text and where its `?` wildcards are. */
interface Segment {
  readonly text: string
  /** Positions of `?` wildcards, or `null` when there are none. */
  readonly any: Uint8Array | null
}

/**
 * A glob compiled once and tested many times without allocating.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 */
export class Glob {
  /** The runs between `*` wildcards; a pattern without `*` has exactly one. */
  private readonly segments: readonly Segment[]
  private readonly starred: boolean
  private readonly minLength: number
  private readonly matchesAll: boolean

  /** Compiles the range `[start, end)` of `pattern`; `ignoreCase` folds both sides. */
  constructor(
    pattern: PatternText,
    private readonly ignoreCase: boolean,
    start = 0,
    end = pattern.text.length,
  ) {
    const segments: Segment[] = []
    let text = ''
    let any: number[] = []
    let starred = false
    for (let i = start; i < end; i++) {
      const code = pattern.text.charCodeAt(i)
      const literal = pattern.literal !== null && pattern.literal[i] === 1
      if (code === STAR && !literal) {
        segments.push(toSegment(text, any))
        text = ''
        any = []
        starred = true
        continue
      }
      if (code === QUESTION && !literal) any.push(text.length)
      text += String.fromCharCode(ignoreCase ? foldCode(code) : code)
    }
    segments.push(toSegment(text, any))
    this.segments = segments
    this.starred = starred
    this.minLength = segments.reduce((sum, s) => sum + s.text.length, 0)
    this.matchesAll = starred && this.minLength === 0
  }

  /** Whether the range `[start, end)` of `text` matches the whole pattern. */
  test(text: string, start = 0, end = text.length): boolean {
    const length = end - start
    if (this.matchesAll) return true
    const segments = this.segments
    const first = segments[0]!
    if (!this.starred) return length === first.text.length && this.at(first, text, start)
    if (length < this.minLength) return false
    if (!this.at(first, text, start)) return false
    const last = segments[segments.length - 1]!
    const tail = end - last.text.length
    if (!this.at(last, text, tail)) return false
    let from = start + first.text.length
    for (let s = 1; s < segments.length - 1; s++) {
      const segment = segments[s]!
      const found = this.find(segment, text, from, tail)
      if (found < 0) return false
      from = found + segment.text.length
    }
    return true
  }

  /** Whether `segment` matches `text` at `offset`. */
  private at(segment: Segment, text: string, offset: number): boolean {
    const pattern = segment.text
    const any = segment.any
    for (let i = 0; i < pattern.length; i++) {
      if (any !== null && any[i] === 1) continue
      const code = text.charCodeAt(offset + i)
      if ((this.ignoreCase ? foldCode(code) : code) !== pattern.charCodeAt(i)) return false
    }
    return true
  }

  /** The leftmost offset in `[from, limit - length]` where `segment` matches, or -1. */
  private find(segment: Segment, text: string, from: number, limit: number): number {
    const last = limit - segment.text.length
    for (let offset = from; offset <= last; offset++) if (this.at(segment, text, offset)) return offset
    return -1
  }
}

function toSegment(text: string, any: readonly number[]): Segment {
  if (any.length === 0) return { text, any: null }
  const mask = new Uint8Array(text.length)
  for (const position of any) mask[position] = 1
  return { text, any: mask }
}

/** Compiles plain glob text (every `*` and `?` a wildcard). */
export function compileGlob(text: string, ignoreCase: boolean): Glob {
  return new Glob(patternText(text), ignoreCase)
}

/** Matches `text` against glob `pattern` once; for repeated use compile a {@link Glob}. */
export function globMatch(pattern: string, text: string, ignoreCase = false): boolean {
  return new Glob(patternText(pattern), ignoreCase).test(text)
}

/**
 * Builds an anchored RegExp for the range `[start, end)` of `pattern`: the reference form the
 * interpreter uses. With `ignoreCase`, callers must pass text folded with {@link foldText}.
 */
export function globToRegExp(
  pattern: PatternText,
  ignoreCase: boolean,
  start = 0,
  end = pattern.text.length,
): RegExp {
  let source = '^'
  for (let i = start; i < end; i++) {
    const char = pattern.text[i]!
    const literal = pattern.literal !== null && pattern.literal[i] === 1
    if (char === '*' && !literal) source += '[\\s\\S]*'
    else if (char === '?' && !literal) source += '[\\s\\S]'
    else source += (ignoreCase ? foldText(char) : char).replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')
  }
  return new RegExp(`${source}$`)
}
