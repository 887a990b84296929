import type { ContextValue } from '../../policy/index.js'
import type { AccessKeyRecord, Repositories, UserRecord } from '../../store/index.js'
import type { Caller } from '../operation.js'
import { rootArn, userArn } from './arns.js'
import type { PolicyLoader } from './policy-loader.js'

/** The caller signing with an IAM user's long-term key: its policies, its groups' policies and its boundary. */
export async function userCaller(
  store: Repositories,
  loader: PolicyLoader,
  user: UserRecord,
  key: AccessKeyRecord,
): Promise<Caller> {
  const arn = userArn(user.accountId, user.path, user.name)
  const groups = await store.groups.listForUser(user.id)
  const [own, boundaries, ...groupPolicies] = await Promise.all([
    loader.identityPolicies(store, { kind: 'user', id: user.id }),
    loader.boundary(store, user.permissionsBoundaryArn),
    ...groups.map((group) => loader.identityPolicies(store, { kind: 'group', id: group.id })),
  ])
  const context = new Map<string, ContextValue>([
    ['aws:principalarn', arn],
    ['aws:principalaccount', user.accountId],
    ['aws:principaltype', 'User'],
    ['aws:userid', user.id],
    ['aws:username', user.name],
  ])
  for (const tag of user.tags) context.set(`aws:principaltag/${tag.key.toLowerCase()}`, tag.value)
  return {
    principal: {
      type: 'User',
      arn,
      account: user.accountId,
      principalArn: arn,
      uniqueId: user.id,
      hasBoundary: user.permissionsBoundaryArn !== undefined,
    },
    accessKeyId: key.id,
    context,
    identity: [...own, ...groupPolicies.flat()],
    boundaries,
    session: [],
    user,
    userIdentity: {
      type: 'IAMUser',
      principalId: user.id,
      arn,
      accountId: user.accountId,
      accessKeyId: key.id,
      userName: user.name,
    },
  }
}

/** The caller signing with the account root's key: no identity policies, allowed unless explicitly denied. */
export function rootCaller(key: AccessKeyRecord): Caller {
  const arn = rootArn(key.accountId)
  return {
    principal: { type: 'Account', arn, account: key.accountId, principalArn: arn },
    accessKeyId: key.id,
    context: new Map<string, ContextValue>([
      ['aws:principalarn', arn],
      ['aws:principalaccount', key.accountId],
      ['aws:principaltype', 'Account'],
      ['aws:userid', key.accountId],
    ]),
    identity: [],
    boundaries: [],
    session: [],
    userIdentity: {
      type: 'Root',
      principalId: key.accountId,
      arn,
      accountId: key.accountId,
      accessKeyId: key.id,
    },
  }
}
