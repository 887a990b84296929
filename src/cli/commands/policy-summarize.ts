import { readFile } from 'node:fs/promises'
import { Command, Option } from 'commander'
import {
  type Catalog,
  getCatalog,
  type PolicySummary,
  type ServiceSummary,
  type ServiceSummaryRow,
  summarizePolicy,
  summarizeService,
} from '../../catalog/index.js'
import { parsePolicy } from '../../policy/index.js'

/** The output formats of `lanyard policy summarize`. */
export const SUMMARY_OUTPUTS = ['table', 'json'] as const

/** The flags of `lanyard policy summarize`. */
export interface PolicySummarizeFlags {
  readonly output: (typeof SUMMARY_OUTPUTS)[number]
  /** Drill down into one service (its prefix), as the console's service summary does. */
  readonly service?: string
}

/** Where the command writes. */
export interface TextWriter {
  write(text: string): unknown
}

/** Lays rows out in columns two spaces apart, the first row being the header. */
export function formatTable(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0)))
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')
}

const POLICY_HEADER = ['Service', 'Access level', 'Resource', 'Request condition'] as const

function serviceCell(row: ServiceSummaryRow): string {
  return `${row.serviceName} (${row.service})`
}

function section(title: string, rows: readonly ServiceSummaryRow[], total: number): string[] {
  if (rows.length === 0) return []
  const table = formatTable([
    POLICY_HEADER,
    ...rows.map((row) => [serviceCell(row), row.accessLevel, row.resource, row.requestCondition]),
  ])
  return [`${title} (${rows.length} of ${total} services)`, table, '']
}

/** The policy summary as the console lays it out: Explicit deny, Allow, then uncategorized services. */
export function formatPolicySummary(summary: PolicySummary, totalServices: number): string {
  const lines = [
    ...section('Explicit deny', summary.deny, totalServices),
    ...section('Allow', summary.allow, totalServices),
  ]
  if (summary.uncategorized.length > 0) {
    lines.push(
      'Uncategorized services',
      formatTable([
        ['Service', 'Effect', 'Reason', 'Entries'],
        ...summary.uncategorized.map((u) => [u.service, u.effect, u.reason, u.entries.join(', ')]),
      ]),
      '',
    )
  }
  for (const row of [...summary.deny, ...summary.allow]) {
    for (const entry of row.unrecognizedActions) {
      lines.push(`Warning: ${serviceCell(row)} (${row.effect}): ${entry} matches no action.`)
    }
  }
  if (lines.length === 0) lines.push('The policy grants or denies no actions.')
  return `${lines.join('\n').trimEnd()}\n`
}

/** The service summary: the allowed and denied actions of one service with their access levels. */
export function formatServiceSummary(summary: ServiceSummary): string {
  const header = ['Action', 'Access level', 'Resource', 'Request condition']
  const lines: string[] = []
  for (const [title, rows] of [
    ['Explicit deny', summary.deny],
    ['Allow', summary.allow],
  ] as const) {
    if (rows.length === 0) continue
    const table = formatTable([
      header,
      ...rows.map((r) => [r.action, r.accessLevel, r.resource, r.requestCondition]),
    ])
    lines.push(`${summary.serviceName} (${summary.service}): ${title} (${rows.length} actions)`, table, '')
  }
  if (summary.uncategorizedActions.length > 0) {
    lines.push(`Uncategorized actions: ${summary.uncategorizedActions.join(', ')}`)
  }
  if (lines.length === 0) lines.push(`The policy grants or denies no ${summary.service} actions.`)
  return `${lines.join('\n').trimEnd()}\n`
}

/** Summarizes the policy in `file` onto `out`; returns the exit code (1 when the file cannot be read or parsed). */
export async function policySummarize(
  file: string,
  flags: PolicySummarizeFlags,
  out: TextWriter,
  catalog: Catalog = getCatalog(),
): Promise<number> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    out.write(`${file}: error - cannot read file: ${(error as Error).message}\n`)
    return 1
  }
  const parsed = parsePolicy(text)
  if (!parsed.ok) {
    for (const issue of parsed.issues) {
      out.write(`${file}: ${issue.severity} ${issue.path === '' ? '-' : issue.path} ${issue.message}\n`)
    }
    return 1
  }
  if (flags.service !== undefined) {
    const summary = summarizeService(parsed.document, catalog, flags.service)
    out.write(
      flags.output === 'json' ? `${JSON.stringify(summary, null, 2)}\n` : formatServiceSummary(summary),
    )
    return 0
  }
  const summary = summarizePolicy(parsed.document, catalog)
  out.write(
    flags.output === 'json'
      ? `${JSON.stringify(summary, null, 2)}\n`
      : formatPolicySummary(summary, catalog.servicePrefixes().length),
  )
  return 0
}

/** Registers `lanyard policy summarize FILE [--output table|json] [--service PREFIX]`. */
export function registerPolicySummarize(policy: Command): void {
  policy.addCommand(
    new Command('summarize')
      .description("summarize a policy per service as the IAM console's policy summary does")
      .argument('<file>', 'policy document (JSON)')
      .addOption(new Option('--output <format>', 'output format').choices(SUMMARY_OUTPUTS).default('table'))
      .option('--service <prefix>', 'list the actions of one service (the service summary)')
      .action(async (file: string, flags: PolicySummarizeFlags) => {
        process.exitCode = await policySummarize(file, flags, process.stdout)
      }),
  )
}
