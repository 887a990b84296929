import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** One statement reference in an expected answer. */
export interface ExpectedMatch {
  readonly policy: string
  readonly statement: number
  readonly sid?: string
  readonly effect: 'Allow' | 'Deny'
}

/** One case of the policy-decision corpus. */
export interface PolicyCase {
  readonly name: string
  readonly request: Record<string, unknown>
  readonly expected: {
    readonly decision: 'Allowed' | 'ExplicitlyDenied' | 'ImplicitlyDenied'
    readonly matched: readonly ExpectedMatch[]
  }
  readonly source?: string
  readonly skip?: string
}

/** One corpus file. */
export interface PolicyCorpusFile {
  readonly file: string
  readonly topic: string
  readonly cases: readonly PolicyCase[]
}

/** The directory holding the policy-decision corpus. */
export const POLICY_CORPUS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'policy')

/** Loads every `*.json` file of the policy-decision corpus, sorted by file name. */
export function loadPolicyCorpus(dir = POLICY_CORPUS_DIR): PolicyCorpusFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const data = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { topic: string; cases: PolicyCase[] }
      return { file, topic: data.topic, cases: data.cases }
    })
}

/** A stable key for comparing statement references regardless of order (AWS defines no order). */
export function matchKey(m: ExpectedMatch): string {
  return `${m.policy}#${String(m.statement).padStart(4, '0')}#${m.effect}#${m.sid ?? ''}`
}

/** The statement references sorted by `matchKey`, with only the four contract fields. */
export function normalizeMatches(list: readonly ExpectedMatch[]): ExpectedMatch[] {
  return [...list]
    .map((m) =>
      m.sid === undefined
        ? { policy: m.policy, statement: m.statement, effect: m.effect }
        : { policy: m.policy, statement: m.statement, sid: m.sid, effect: m.effect },
    )
    .sort((a, b) => (matchKey(a) < matchKey(b) ? -1 : matchKey(a) > matchKey(b) ? 1 : 0))
}

/** The per-topic table of case counts (total, skipped), as Markdown. */
export function corpusTable(files: readonly PolicyCorpusFile[]): string {
  const rows = files.map((f) => {
    const skipped = f.cases.filter((c) => c.skip !== undefined).length
    return `| ${f.file} | ${f.topic} | ${f.cases.length} | ${skipped} |`
  })
  const total = files.reduce((n, f) => n + f.cases.length, 0)
  const skipped = files.reduce((n, f) => n + f.cases.filter((c) => c.skip !== undefined).length, 0)
  return [
    '| file | topic | cases | skipped |',
    '|---|---|---:|---:|',
    ...rows,
    `| **total** | | **${total}** | **${skipped}** |`,
  ].join('\n')
}
