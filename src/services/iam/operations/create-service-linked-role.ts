import { ID_PREFIX, newUniqueId } from '../../../kernel/ids.js'
import type { Operation } from '../../operation.js'
import { roleArn } from '../arns.js'
import { invalidInput } from '../errors.js'
import { customSuffixNotAllowed, serviceRoleNameTaken } from '../errors-roles.js'
import { callerAccount, SERVICE_ROLE_PATH, shownRole } from '../role-access.js'
import { SERVICE_LINKED_ROLES, serviceRoleName, serviceTrustPolicy } from '../service-linked-roles.js'

function target(input: Record<string, unknown>) {
  const service = String(input.AWSServiceName)
  const spec = SERVICE_LINKED_ROLES.get(service)
  const suffix = typeof input.CustomSuffix === 'string' ? input.CustomSuffix : undefined
  const path = `${SERVICE_ROLE_PATH}${service}/`
  const name = spec === undefined ? undefined : serviceRoleName(spec, suffix)
  return { service, spec, suffix, path, name }
}

/** IAM CreateServiceLinkedRole: the service's role under `/aws-service-role/<service>/` with its managed policy. */
export const createServiceLinkedRole: Operation = {
  async authorize(ctx, input) {
    const { service, path, name } = target(input)
    return [
      {
        action: 'iam:CreateServiceLinkedRole',
        resource: roleArn(callerAccount(ctx), path, name ?? '*'),
        context: { 'iam:AWSServiceName': service },
      },
    ]
  },
  async run(ctx, input) {
    const { service, spec, suffix, path, name } = target(input)
    // AWS: unverified wording for a service without a service-linked role.
    if (spec === undefined || name === undefined)
      throw invalidInput(`Service ${service} does not support service-linked roles.`)
    if (suffix !== undefined && !spec.suffixAllowed) throw customSuffixNotAllowed(service)
    const account = callerAccount(ctx)
    if ((await ctx.store.roles.getByName(account, name)) !== undefined) throw serviceRoleNameTaken(name)
    const policy = await ctx.store.policies.getByArn(spec.policyArn)
    const role = await ctx.store.transaction(async (tx) => {
      const created = await tx.roles.insert({
        id: newUniqueId(ID_PREFIX.role, ctx.random),
        accountId: account,
        name,
        path,
        trustPolicy: serviceTrustPolicy(service),
        ...(typeof input.Description === 'string' ? { description: input.Description } : {}),
        maxSessionDuration: 3600,
        tags: [],
        createdAt: ctx.now,
      })
      if (policy !== undefined)
        await tx.attachments.attach({ kind: 'role', id: created.id }, policy.id, ctx.now)
      return created
    })
    return { Role: await shownRole(ctx, role, 'create') }
  },
}
