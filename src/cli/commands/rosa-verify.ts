import { getCatalog } from '../../catalog/index.js'
import {
  type ActionExpander,
  getCaller,
  loadRosaDataSet,
  type PermissionsReport,
  type RosaLog,
  verifyPermissions,
} from '../../rosa/index.js'
import { type RosaFlags, rosaSession, runRosaAction, withRosaFlags } from './rosa-common.js'
import type { RosaCommandGroups } from './rosa-groups.js'

/** The flags of `lanyard rosa verify permissions`. */
export interface VerifyPermissionsFlags extends RosaFlags {
  readonly version: string
}

/** The service catalog's actions an SCP entry such as `ec2:*` matches. */
export const catalogExpander: ActionExpander = (pattern) =>
  getCatalog()
    .matchActions(pattern)
    .map((a) => a.fullName)

/** Runs `lanyard rosa verify permissions`; the report names every action the caller is not allowed. */
export async function runVerifyPermissions(
  flags: VerifyPermissionsFlags,
  log: RosaLog,
  env: NodeJS.ProcessEnv = process.env,
): Promise<PermissionsReport> {
  const data = await loadRosaDataSet(flags.version)
  const session = rosaSession(flags, env)
  try {
    const caller = await getCaller(session.clients)
    return await verifyPermissions(
      session.clients,
      caller,
      data,
      { region: session.region, expand: catalogExpander },
      log,
    )
  } finally {
    session.destroy()
  }
}

/** The readable report: one line per missing action, grouped under the SCP entry it comes from. */
export function permissionLines(report: PermissionsReport): string[] {
  if (report.missing.length === 0)
    return [`${report.principalArn} has all ${report.checked} permissions ROSA needs in ${report.region}`]
  const lines = [`${report.principalArn} lacks ${report.missing.length} of ${report.checked} permissions:`]
  for (const m of report.missing) lines.push(`  ${m.action}\t${m.decision}\t(from ${m.entry})`)
  lines.push('grant them (e.g. attach a policy allowing the entries above) and rerun')
  return lines
}

/** Registers `verify permissions`. */
export function registerRosaVerify(groups: RosaCommandGroups): void {
  withRosaFlags(
    groups.verify
      .command('permissions')
      .alias('scp')
      .description("simulate the caller's policies for every action of the OSD SCP policy")
      .option('--version <x.y>', 'OpenShift minor version of the policy set', '4.22'),
  ).action(async (flags: VerifyPermissionsFlags) => {
    let missing = 0
    await runRosaAction(
      'verify permissions',
      flags,
      async (log) => {
        const report = await runVerifyPermissions(flags, log)
        missing = report.missing.length
        return report
      },
      permissionLines,
    )
    if (missing > 0) {
      process.stderr.write(`lanyard rosa verify permissions: ${missing} permissions missing\n`)
      process.exitCode = 1
    }
  })
}
