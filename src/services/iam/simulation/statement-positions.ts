/** A line and column in a policy document, both counted from 1. */
export interface TextPosition {
  readonly Line: number
  readonly Column: number
}

/** Where one statement object starts (its `{`) and ends (its `}`) in the document text. */
export interface StatementSpan {
  readonly start: TextPosition
  readonly end: TextPosition
}

/**
 * The spans of the statements of a policy document, by statement index: the elements of the top-level
 * `Statement` array, or the single `Statement` object. Empty when the text is not such a document.
 */
export function statementSpans(text: string): readonly StatementSpan[] {
  try {
    const scanner = new Scanner(text)
    return scanner.statements().map(([from, to]) => ({ start: scanner.at(from), end: scanner.at(to) }))
  } catch {
    return []
  }
}

/** A minimal JSON reader that only tracks offsets. */
class Scanner {
  readonly #text: string
  #i = 0

  constructor(text: string) {
    this.#text = text
  }

  /** The [start, end] offsets of each statement value. */
  statements(): [number, number][] {
    this.#ws()
    this.#expect('{')
    const found: [number, number][] = []
    this.#ws()
    if (this.#peek() === '}') return found
    for (;;) {
      this.#ws()
      const key = this.#string()
      this.#ws()
      this.#expect(':')
      this.#ws()
      if (key !== 'Statement') this.#value()
      else if (this.#peek() === '[') {
        this.#i++
        this.#ws()
        if (this.#peek() !== ']') {
          for (;;) {
            this.#ws()
            const from = this.#i
            this.#value()
            found.push([from, this.#i - 1])
            this.#ws()
            if (this.#peek() === ',') this.#i++
            else break
          }
        }
        this.#expect(']')
      } else {
        const from = this.#i
        this.#value()
        found.push([from, this.#i - 1])
      }
      this.#ws()
      if (this.#peek() === ',') this.#i++
      else break
    }
    return found
  }

  /** The 1-based line and column of an offset. */
  at(offset: number): TextPosition {
    let line = 1
    let lineStart = 0
    for (let k = 0; k < offset; k++) {
      if (this.#text[k] === '\n') {
        line++
        lineStart = k + 1
      }
    }
    return { Line: line, Column: offset - lineStart + 1 }
  }

  #peek(): string | undefined {
    return this.#text[this.#i]
  }

  #ws(): void {
    while (/\s/.test(this.#text[this.#i] ?? '')) this.#i++
  }

  #expect(char: string): void {
    if (this.#text[this.#i] !== char) throw new Error(`expected ${char}`)
    this.#i++
  }

  #string(): string {
    const from = this.#i
    this.#expect('"')
    while (this.#i < this.#text.length && this.#text[this.#i] !== '"') {
      this.#i += this.#text[this.#i] === '\\' ? 2 : 1
    }
    this.#expect('"')
    return JSON.parse(this.#text.slice(from, this.#i)) as string
  }

  #value(): void {
    const c = this.#peek()
    if (c === '"') {
      this.#string()
      return
    }
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']'
      this.#i++
      this.#ws()
      if (this.#peek() === close) {
        this.#i++
        return
      }
      for (;;) {
        this.#ws()
        if (c === '{') {
          this.#string()
          this.#ws()
          this.#expect(':')
          this.#ws()
        }
        this.#value()
        this.#ws()
        if (this.#peek() === ',') this.#i++
        else break
      }
      this.#expect(close)
      return
    }
    const literal = /^[^\s,\]}]+/.exec(this.#text.slice(this.#i))
    if (literal === null) throw new Error('unexpected end')
    this.#i += literal[0].length
  }
}
