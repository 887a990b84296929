import { readFile } from 'node:fs/promises'
import { Command, Option } from 'commander'
import { catalogFindings } from '../../catalog/index.js'
import {
  type PolicyIssue,
  type PolicyKind,
  parsePolicy,
  type ValidateOptions,
  validatePolicy,
} from '../../policy/index.js'

/** The policy kinds `--type` accepts. */
export const POLICY_TYPES: readonly PolicyKind[] = ['identity', 'resource', 'trust', 'boundary', 'session']

/** The flags of `lanyard policy validate`. */
export interface PolicyValidateFlags {
  readonly type: PolicyKind
  /** An identity policy embedded in a user, group or role rather than a managed policy. */
  readonly inline?: boolean
}

/** Where the command writes its findings. */
export interface LineWriter {
  write(text: string): unknown
}

/** The validation options IAM would apply to a document of `flags.type`. */
function optionsFor(flags: PolicyValidateFlags): ValidateOptions {
  return { managed: flags.type === 'identity' && flags.inline !== true }
}

/** Validation issues of one document, plus catalog findings (unknown services, actions, keys) as warnings. */
export function findingsFor(text: string, flags: PolicyValidateFlags): readonly PolicyIssue[] {
  const issues = validatePolicy(text, flags.type, optionsFor(flags))
  const parsed = parsePolicy(text)
  if (!parsed.ok) return issues
  // Catalog findings never make IAM reject a document, so they are reported as warnings.
  const warnings: PolicyIssue[] = catalogFindings(parsed.document).map(({ path, message, code }) => ({
    severity: 'warning',
    path,
    message,
    code,
  }))
  return [...issues, ...warnings]
}

/** Formats one finding as `FILE: severity path message`; `-` stands for the whole document. */
export function formatFinding(file: string, issue: PolicyIssue): string {
  return `${file}: ${issue.severity} ${issue.path === '' ? '-' : issue.path} ${issue.message}`
}

/** Validates each file, writes its findings to `out`, and returns the exit code: 1 when any error, else 0. */
export async function policyValidate(
  files: readonly string[],
  flags: PolicyValidateFlags,
  out: LineWriter,
): Promise<number> {
  let failed = false
  for (const file of files) {
    let issues: readonly PolicyIssue[]
    try {
      issues = findingsFor(await readFile(file, 'utf8'), flags)
    } catch (error) {
      issues = [{ severity: 'error', path: '', message: `cannot read file: ${(error as Error).message}` }]
    }
    for (const issue of issues) out.write(`${formatFinding(file, issue)}\n`)
    failed ||= issues.some((issue) => issue.severity === 'error')
  }
  return failed ? 1 : 0
}

/** Registers `lanyard policy validate FILE... [--type KIND] [--inline]`. */
export function registerPolicyValidate(policy: Command): void {
  policy.addCommand(
    new Command('validate')
      .description('check policy documents as IAM would; exits 1 when any has an error')
      .argument('<file...>', 'policy documents (JSON)')
      .addOption(new Option('--type <kind>', 'the kind of policy').choices(POLICY_TYPES).default('identity'))
      .option('--inline', 'an inline identity policy (Version 2008-10-17 allowed, no managed-policy quota)')
      .action(async (files: string[], flags: PolicyValidateFlags) => {
        process.exitCode = await policyValidate(files, flags, process.stdout)
      }),
  )
}
