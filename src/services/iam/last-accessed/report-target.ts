import type { PrincipalRef, Repositories } from '../../../store/index.js'
import { roleArn, userArn } from '../arns.js'
import { invalidInput, noSuchPolicy } from '../errors.js'
import { AWS_POLICY_ACCOUNT } from '../policy-target.js'
import { loadPrincipalSources } from '../simulation/principal-sources.js'

/** An IAM entity whose requests count toward a report, and how its audit events are found. */
export interface ReportActor {
  /** The entity's ARN, reported as `LastAuthenticatedEntity`. */
  readonly arn: string
  /** Its events: a user's by its ARN; a role's by the prefix of its sessions' ARNs. */
  readonly events: { readonly principalArn: string } | { readonly principalArnPrefix: string }
}

/** What a service last accessed report covers: the permissions policies that say which services, and whose requests. */
export interface ReportTarget {
  readonly arn: string
  /** The permissions policy documents (no boundaries: AWS uses permissions policies only). */
  readonly documents: readonly string[]
  readonly actors: readonly ReportActor[]
}

const USER = /^arn:aws:iam::\d{12}:user\//
const ROLE = /^arn:aws:iam::\d{12}:role\//
const GROUP = /^arn:aws:iam::\d{12}:group\//
const POLICY = /^arn:aws:iam::(\d{12}|aws):policy\//

const userActor = (arn: string): ReportActor => ({ arn, events: { principalArn: arn } })

/** A role's sessions are `arn:aws:sts::A:assumed-role/<name>/<session>` (no path). */
const roleActor = (arn: string, account: string, name: string): ReportActor => ({
  arn,
  events: { principalArnPrefix: `arn:aws:sts::${account}:assumed-role/${name}/` },
})

/**
 * Loads what the report on `arn` (a user, group, role or managed policy of `account`) covers.
 * NoSuchEntity when it does not exist; InvalidInput for any other ARN.
 */
export async function loadReportTarget(
  store: Repositories,
  account: string,
  arn: string,
): Promise<ReportTarget> {
  if (POLICY.test(arn)) return policyTarget(store, account, arn)
  if (!USER.test(arn) && !ROLE.test(arn) && !GROUP.test(arn)) throw invalidInput(`Invalid ARN: ${arn}`)
  const sources = await loadPrincipalSources(store, account, arn)
  const documents = sources.identity.map((policy) => policy.document)
  if (USER.test(arn)) return { arn, documents, actors: [userActor(arn)] }
  if (ROLE.test(arn)) {
    const name = arn.slice(arn.lastIndexOf('/') + 1)
    return { arn, documents, actors: [roleActor(arn, account, name)] }
  }
  const group = await store.groups.getByName(account, arn.slice(arn.lastIndexOf('/') + 1))
  const members = group === undefined ? [] : await store.groups.listMembers(group.id)
  return { arn, documents, actors: members.map((u) => userActor(userArn(account, u.path, u.name))) }
}

/** A managed policy's report: its default version, and the users and roles it reaches in `account` (groups through their members). */
async function policyTarget(store: Repositories, account: string, arn: string): Promise<ReportTarget> {
  const owner = arn.split(':')[4]
  const policy =
    owner === account || owner === AWS_POLICY_ACCOUNT
      ? await store.policies.getByArn(arn, account)
      : undefined
  if (policy === undefined) throw noSuchPolicy(arn)
  const version = await store.policies.getVersion(policy.id, policy.defaultVersionId)
  const actors = new Map<string, ReportActor>()
  for (const attachment of await store.attachments.listForPolicy(policy.id)) {
    for (const actor of await actorsOf(store, account, attachment.principal)) actors.set(actor.arn, actor)
  }
  return { arn, documents: version ? [version.document] : [], actors: [...actors.values()] }
}

/** The users and roles of `account` one attachment reaches. */
async function actorsOf(
  store: Repositories,
  account: string,
  principal: PrincipalRef,
): Promise<ReportActor[]> {
  if (principal.kind === 'user') {
    const user = await store.users.get(principal.id)
    return user?.accountId === account ? [userActor(userArn(account, user.path, user.name))] : []
  }
  if (principal.kind === 'role') {
    const role = await store.roles.get(principal.id)
    return role?.accountId === account
      ? [roleActor(roleArn(account, role.path, role.name), account, role.name)]
      : []
  }
  const group = await store.groups.get(principal.id)
  if (group?.accountId !== account) return []
  const members = await store.groups.listMembers(group.id)
  return members.map((u) => userActor(userArn(account, u.path, u.name)))
}
