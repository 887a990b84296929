import type fc from 'fast-check'

/** Runs per property: small in `npm test`, FUZZ_RUNS in `npm run fuzz` (20,000 by default there). */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 300)

/** Fixed unless FUZZ_SEED says otherwise, so a failure printed by fast-check replays. */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261207)

/** The fast-check parameters every parser property uses; `scale` shrinks the budget of costly properties. */
export function budget(scale = 1): fc.Parameters<unknown> {
  return { numRuns: Math.max(10, Math.round(FUZZ_RUNS * scale)), seed: FUZZ_SEED }
}

/** Text mutations that break structured input the way hostile or broken clients do. */
export type Edit =
  | { readonly kind: 'delete'; readonly at: number; readonly length: number }
  | { readonly kind: 'insert'; readonly at: number; readonly text: string }
  | { readonly kind: 'duplicate'; readonly at: number; readonly length: number }
  | { readonly kind: 'truncate'; readonly at: number }

/** Applies `edits` in order, positions taken modulo the current length. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = text
  for (const edit of edits) {
    const at = out.length === 0 ? 0 : edit.at % (out.length + 1)
    if (edit.kind === 'delete') out = out.slice(0, at) + out.slice(at + edit.length)
    else if (edit.kind === 'insert') out = out.slice(0, at) + edit.text + out.slice(at)
    else if (edit.kind === 'duplicate')
      out = out.slice(0, at) + out.slice(at, at + edit.length) + out.slice(at)
    else out = out.slice(0, at)
  }
  return out
}
