import type { AwsError } from '../../kernel/aws-error.js'
import type { ContextValue } from '../../policy/index.js'
import type { PrincipalKind, PrincipalRef, Repositories, Tag } from '../../store/index.js'
import type { AuthorizationRequest, OperationContext } from '../operation.js'
import { groupArn, roleArn, userArn } from './arns.js'
import { noSuchGroup, noSuchRole, noSuchUser } from './errors.js'
import { protectedRole } from './errors-policies.js'

/** The fields of a user, group or role that policy operations use. */
export interface PrincipalEntity {
  readonly id: string
  readonly accountId: string
  readonly name: string
  readonly path: string
  readonly permissionsBoundaryArn?: string
  readonly tags?: readonly Tag[]
}

/** How one principal kind is named on the wire, found in the store and reported missing. */
export interface PrincipalKindInfo {
  readonly kind: PrincipalKind
  /** `User`, `Group` or `Role`: the stem of the operation and member names. */
  readonly noun: 'User' | 'Group' | 'Role'
  /** The input member naming the principal (`UserName`). */
  readonly nameMember: 'UserName' | 'GroupName' | 'RoleName'
  arn(account: string, path: string, name: string): string
  find(store: Repositories, account: string, name: string): Promise<PrincipalEntity | undefined>
  missing(name: string): AwsError
}

/** The three kinds of principal that hold policies. */
export const PRINCIPAL_KINDS: Readonly<Record<PrincipalKind, PrincipalKindInfo>> = {
  user: {
    kind: 'user',
    noun: 'User',
    nameMember: 'UserName',
    arn: userArn,
    find: (store, account, name) => store.users.getByName(account, name),
    missing: noSuchUser,
  },
  group: {
    kind: 'group',
    noun: 'Group',
    nameMember: 'GroupName',
    arn: groupArn,
    find: (store, account, name) => store.groups.getByName(account, name),
    missing: noSuchGroup,
  },
  role: {
    kind: 'role',
    noun: 'Role',
    nameMember: 'RoleName',
    arn: roleArn,
    find: (store, account, name) => store.roles.getByName(account, name),
    missing: noSuchRole,
  },
}

/** A user, group or role an operation names, found (or not) in the caller's account. */
export interface PrincipalTarget {
  readonly info: PrincipalKindInfo
  readonly account: string
  readonly name: string
  readonly entity: PrincipalEntity | undefined
  /** The ARN, with the path when the entity exists. */
  readonly arn: string
}

/** Looks up the principal named by the kind's name member in the caller's account. */
export async function principalTarget(
  ctx: OperationContext,
  kind: PrincipalKind,
  input: Record<string, unknown>,
): Promise<PrincipalTarget> {
  const info = PRINCIPAL_KINDS[kind]
  const account = ctx.caller!.principal.account
  const name = String(input[info.nameMember])
  const entity = await info.find(ctx.store, account, name)
  return { info, account, name, entity, arn: info.arn(account, entity?.path ?? '/', entity?.name ?? name) }
}

/** The existing principal, or AWS's NoSuchEntity for its kind. */
export function requirePrincipal(target: PrincipalTarget): PrincipalEntity {
  if (target.entity === undefined) throw target.info.missing(target.name)
  return target.entity
}

/** The store reference of an existing principal. */
export const principalRef = (target: PrincipalTarget): PrincipalRef => ({
  kind: target.info.kind,
  id: requirePrincipal(target).id,
})

/**
 * The authorization of `action` on the principal: its resource tags (users and roles) and, when
 * `boundaryKey` is set and the principal has one, its permissions boundary as `iam:PermissionsBoundary`.
 */
export function onPrincipal(
  action: string,
  target: PrincipalTarget,
  context: Readonly<Record<string, ContextValue>> = {},
  boundaryKey = false,
): AuthorizationRequest {
  const out: Record<string, ContextValue> = {}
  for (const tag of target.entity?.tags ?? []) {
    out[`aws:ResourceTag/${tag.key}`] = tag.value
    out[`iam:ResourceTag/${tag.key}`] = tag.value
  }
  const boundary = target.entity?.permissionsBoundaryArn
  if (boundaryKey && target.info.kind !== 'group' && boundary !== undefined)
    out['iam:PermissionsBoundary'] = boundary
  return { action: `iam:${action}`, resource: target.arn, context: Object.assign(out, context) }
}

/** AWS: service-linked roles live under this path and only their service changes their policies. */
const SERVICE_LINKED_PATH = '/aws-service-role/'

/** The existing principal, refusing service-linked roles (`UnmodifiableEntity`). */
export function requireModifiable(target: PrincipalTarget): PrincipalEntity {
  const entity = requirePrincipal(target)
  if (target.info.kind === 'role' && entity.path.startsWith(SERVICE_LINKED_PATH))
    throw protectedRole(entity.name)
  return entity
}

/** The store reference of an existing principal whose policies the caller may change. */
export const modifiableRef = (target: PrincipalTarget): PrincipalRef => ({
  kind: target.info.kind,
  id: requireModifiable(target).id,
})
