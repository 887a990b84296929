import { SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam'
import type { Caller } from './caller.js'
import type { RosaDataSet } from './data-set.js'
import { findRole } from './ensure-role.js'
import type { RosaClients, RosaLog } from './rosa-clients.js'

/** The data set's copy of OCM's `osd_scp_policy`, the document `rosa verify permissions` checks. */
export const OSD_SCP_POLICY = 'osd-scp-policy.json'

/** Every concrete action an Action entry names (`ec2:*` → `ec2:RunInstances`, …), from the service catalog. */
export type ActionExpander = (pattern: string) => readonly string[]

/** One action the simulation did not allow. */
export interface MissingPermission {
  readonly action: string
  /** `implicitDeny` or `explicitDeny`. */
  readonly decision: string
  /** The entry of the SCP document the action comes from (`ec2:*`). */
  readonly entry: string
}

/** What `verify permissions` found. */
export interface PermissionsReport {
  /** The simulated principal: the caller's user, or the role of its assumed-role session. */
  readonly principalArn: string
  readonly region: string
  readonly checked: number
  readonly missing: readonly MissingPermission[]
}

/** AWS accepts at most 1000 results per SimulatePrincipalPolicy page. */
const PAGE = 1000
/** Actions sent per simulation request, to keep each request small. */
const BATCH = 200

/**
 * The allowed actions of the SCP document, one entry per concrete action. AWS: SimulatePrincipalPolicy does not
 * take wildcards in ActionNames, so each `service:*` entry is expanded against the service catalog.
 */
export async function scpActions(
  data: RosaDataSet,
  expand: ActionExpander,
): Promise<{ action: string; entry: string }[]> {
  const document = JSON.parse(await data.document(OSD_SCP_POLICY)) as {
    Statement: { Effect: string; Action: string | string[] }[]
  }
  const seen = new Set<string>()
  const actions: { action: string; entry: string }[] = []
  for (const statement of document.Statement) {
    if (statement.Effect !== 'Allow') continue
    for (const entry of ([] as string[]).concat(statement.Action)) {
      const concrete = /[*?]/.test(entry) ? expand(entry) : [entry]
      if (concrete.length === 0) throw new Error(`the service catalog knows no action matching ${entry}`)
      for (const action of concrete) {
        if (seen.has(action.toLowerCase())) continue
        seen.add(action.toLowerCase())
        actions.push({ action, entry })
      }
    }
  }
  return actions
}

/**
 * The principal rosa simulates: an IAM user as is, an assumed-role session as its role (iam:GetRole, for the path).
 * The account root has no policies to simulate.
 */
export async function simulatedPrincipal(clients: RosaClients, caller: Caller): Promise<string> {
  const session = /^arn:[^:]+:sts::\d{12}:assumed-role\/([^/]+)\//.exec(caller.arn)
  if (session) {
    const role = await findRole(clients, session[1]!)
    if (role?.Arn === undefined) throw new Error(`role ${session[1]} of the caller's session not found`)
    return role.Arn
  }
  if (/:root$/.test(caller.arn)) {
    throw new Error(
      'the caller is the account root, whose permissions IAM cannot simulate: run as an IAM user or role',
    )
  }
  return caller.arn
}

/**
 * rosa `verify permissions`: iam:SimulatePrincipalPolicy (all pages) for the caller with every action the SCP
 * document allows and `aws:RequestedRegion` = the region; any decision other than `allowed` is missing.
 */
export async function verifyPermissions(
  clients: RosaClients,
  caller: Caller,
  data: RosaDataSet,
  options: { readonly region: string; readonly expand: ActionExpander },
  log: RosaLog,
): Promise<PermissionsReport> {
  const principalArn = await simulatedPrincipal(clients, caller)
  const actions = await scpActions(data, options.expand)
  const entryOf = new Map(actions.map((a) => [a.action, a.entry]))
  log(`simulating ${actions.length} actions of ${OSD_SCP_POLICY} for ${principalArn} in ${options.region}`)
  const missing: MissingPermission[] = []
  for (let i = 0; i < actions.length; i += BATCH) {
    const names = actions.slice(i, i + BATCH).map((a) => a.action)
    let marker: string | undefined
    do {
      const page = await clients.iam.send(
        new SimulatePrincipalPolicyCommand({
          PolicySourceArn: principalArn,
          ActionNames: names,
          ContextEntries: [
            {
              ContextKeyName: 'aws:RequestedRegion',
              ContextKeyType: 'stringList',
              ContextKeyValues: [options.region],
            },
          ],
          MaxItems: PAGE,
          Marker: marker,
        }),
      )
      for (const result of page.EvaluationResults ?? []) {
        if (result.EvalDecision === 'allowed') continue
        const action = result.EvalActionName ?? ''
        missing.push({ action, decision: result.EvalDecision ?? '', entry: entryOf.get(action) ?? action })
      }
      marker = page.IsTruncated ? page.Marker : undefined
    } while (marker)
  }
  log(`${actions.length - missing.length} of ${actions.length} actions allowed`)
  return { principalArn, region: options.region, checked: actions.length, missing }
}
