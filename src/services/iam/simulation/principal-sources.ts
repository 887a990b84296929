import type { PrincipalFacts } from '../../../policy/index.js'
import type { PrincipalRef, Repositories } from '../../../store/index.js'
import { groupArn, roleArn, userArn } from '../arns.js'
import { invalidInput, noSuchGroup, noSuchRole, noSuchUser } from '../errors.js'
import type { SourcePolicy } from './source-policy.js'

/** A simulated principal: who it is and the stored policies the credential resolver would load for it. */
export interface PrincipalSources {
  readonly principal: PrincipalFacts
  /** Identity policies in the resolver's order: own inline, own attached, then each group's inline and attached. */
  readonly identity: readonly SourcePolicy[]
  /** The permissions boundary's default version, when one is set. */
  readonly boundary?: SourcePolicy
}

const SOURCE = /^arn:aws:iam::(\d{12}):(user|group|role)(\/(?:.*\/)?)([^/]+)$/

/** Loads the user, group or role `arn` names in `account`; NoSuchEntity when it does not exist. */
export async function loadPrincipalSources(
  store: Repositories,
  account: string,
  arn: string,
): Promise<PrincipalSources> {
  const match = SOURCE.exec(arn)
  if (match === null) throw invalidInput(`Invalid ARN: ${arn}`)
  const [, owner, kind, path, name] = match as unknown as [string, string, string, string, string]
  if (kind === 'user') {
    const user = owner === account ? await store.users.getByName(owner, name) : undefined
    if (user === undefined || user.path !== path) throw noSuchUser(name)
    const groups = await store.groups.listForUser(user.id)
    const identity = await policiesOf(store, { kind: 'user', id: user.id })
    for (const group of groups) identity.push(...(await policiesOf(store, { kind: 'group', id: group.id })))
    const own = userArn(owner, user.path, user.name)
    return {
      principal: {
        type: 'User',
        arn: own,
        account: owner,
        principalArn: own,
        uniqueId: user.id,
        hasBoundary: user.permissionsBoundaryArn !== undefined,
      },
      identity,
      ...(await boundaryOf(store, user.permissionsBoundaryArn)),
    }
  }
  if (kind === 'group') {
    const group = owner === account ? await store.groups.getByName(owner, name) : undefined
    if (group === undefined || group.path !== path) throw noSuchGroup(name)
    const own = groupArn(owner, group.path, group.name)
    return {
      principal: { type: 'User', arn: own, account: owner, principalArn: own, uniqueId: group.id },
      identity: await policiesOf(store, { kind: 'group', id: group.id }),
    }
  }
  const role = owner === account ? await store.roles.getByName(owner, name) : undefined
  if (role === undefined || role.path !== path) throw noSuchRole(name)
  const own = roleArn(owner, role.path, role.name)
  return {
    principal: {
      type: 'AssumedRole',
      arn: `arn:aws:sts::${owner}:assumed-role/${role.name}/${role.name}`,
      account: owner,
      principalArn: own,
      uniqueId: role.id,
      hasBoundary: role.permissionsBoundaryArn !== undefined,
    },
    identity: await policiesOf(store, { kind: 'role', id: role.id }),
    ...(await boundaryOf(store, role.permissionsBoundaryArn)),
  }
}

/** The inline and attached policies of one owner, inline first, as PolicyLoader.identityPolicies orders them. */
async function policiesOf(store: Repositories, owner: PrincipalRef): Promise<SourcePolicy[]> {
  const [inline, attached] = await Promise.all([
    store.inlinePolicies.list(owner),
    store.attachments.listForPrincipal(owner),
  ])
  const out: SourcePolicy[] = inline.map((policy) => ({
    id: policy.name,
    type: owner.kind,
    document: policy.document,
  }))
  for (const attachment of attached) {
    const managed = await managedSource(store, attachment.policyArn)
    if (managed !== undefined) out.push(managed)
  }
  return out
}

async function boundaryOf(
  store: Repositories,
  arn: string | undefined,
): Promise<{ boundary?: SourcePolicy }> {
  const boundary = arn === undefined ? undefined : await managedSource(store, arn)
  return boundary === undefined ? {} : { boundary }
}

/** A managed policy's default version, typed aws-managed or user-managed. */
async function managedSource(store: Repositories, arn: string): Promise<SourcePolicy | undefined> {
  const policy = await store.policies.getByArn(arn)
  if (policy === undefined) return undefined
  const version = await store.policies.getVersion(policy.id, policy.defaultVersionId)
  if (version === undefined) return undefined
  return {
    id: policy.name,
    type: policy.accountId === 'aws' ? 'aws-managed' : 'user-managed',
    document: version.document,
  }
}
