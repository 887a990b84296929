import { AwsError } from '../../kernel/aws-error.js'
import type { Operation } from '../operation.js'
import { accountOf } from './authz.js'
import { invalidParameterValue } from './errors.js'
import { NETWORK_QUOTAS } from './network-quotas.js'
import { updateResource } from './resource-store.js'
import { onGroup, requestedGroup, requestedPermissions } from './security-group-access.js'
import {
  duplicateRule,
  permissionsOf,
  ruleNotFound,
  rulesOf,
  type SecurityGroupRule,
  sameRule,
} from './security-group-rules.js'
import { ruleShape, type SecurityGroupAttributes } from './security-groups.js'

const rulesLimit = () =>
  new AwsError(
    'RulesPerSecurityGroupLimitExceeded',
    400,
    'The maximum number of rules per security group has been reached.',
  )

/** AuthorizeSecurityGroupIngress or AuthorizeSecurityGroupEgress: adds rules, refusing one the group has. */
export function authorizeRules(action: string, isEgress: boolean): Operation {
  return {
    async authorize(ctx, input) {
      return [await onGroup(ctx, action, input)]
    },
    async run(ctx, input) {
      if (input.TagSpecifications !== undefined)
        throw invalidParameterValue('Lanyard does not tag security group rules.')
      const group = await requestedGroup(ctx, input)
      const added = rulesOf(
        await requestedPermissions(ctx, group, input),
        isEgress,
        accountOf(ctx),
        ctx.random,
      )
      added.forEach((rule, i) => {
        if (added.slice(0, i).some((earlier) => sameRule(earlier, rule))) throw duplicateRule(rule)
      })
      const updated = await updateResource(ctx, group, (current) => {
        for (const rule of added) {
          const taken = current.attributes.Rules.find((r) => sameRule(r, rule))
          if (taken !== undefined) throw duplicateRule(taken)
        }
        const rules = [...current.attributes.Rules, ...added]
        if (rules.filter((r) => r.IsEgress === isEgress).length > NETWORK_QUOTAS.rulesPerGroup)
          throw rulesLimit()
        return { attributes: Object.assign({}, current.attributes, { Rules: rules }) }
      })
      const attributes = (updated ?? group).attributes as SecurityGroupAttributes
      return { Return: true, SecurityGroupRules: added.map((rule) => ruleShape(attributes, rule)) }
    },
  }
}

/** RevokeSecurityGroupIngress or RevokeSecurityGroupEgress: by rule ids, or by permissions. */
export function revokeRules(action: string, isEgress: boolean): Operation {
  return {
    async authorize(ctx, input) {
      return [await onGroup(ctx, action, input)]
    },
    async run(ctx, input) {
      const group = await requestedGroup(ctx, input)
      const ids = (input.SecurityGroupRuleIds ?? []) as string[]
      const wanted =
        ids.length > 0
          ? []
          : rulesOf(await requestedPermissions(ctx, group, input), isEgress, accountOf(ctx), ctx.random)
      let unknown: SecurityGroupRule[] = []
      await updateResource(ctx, group, (current) => {
        const rules = current.attributes.Rules.filter((r) => r.IsEgress === isEgress)
        for (const id of ids)
          if (!rules.some((r) => r.SecurityGroupRuleId === id))
            throw new AwsError(
              'InvalidSecurityGroupRuleId.NotFound',
              400,
              `The security group rule ID '${id}' does not exist`,
            )
        unknown = wanted.filter((w) => !rules.some((r) => sameRule(r, w)))
        if (wanted.length > 0 && unknown.length === wanted.length) throw ruleNotFound()
        const doomed = (r: SecurityGroupRule) =>
          r.IsEgress === isEgress &&
          (ids.includes(r.SecurityGroupRuleId) || wanted.some((w) => sameRule(r, w)))
        return {
          attributes: Object.assign({}, current.attributes, {
            Rules: current.attributes.Rules.filter((r) => !doomed(r)),
          }),
        }
      })
      return { Return: true, ...(unknown.length > 0 ? { UnknownIpPermissions: permissionsOf(unknown) } : {}) }
    },
  }
}
