import { AwsError } from '../../../kernel/aws-error.js'
import type { Operation } from '../../operation.js'
import { onAnyResource } from '../authz.js'
import { checkFilters, type Ec2Filter, matchesFilters } from '../filters.js'
import { SECURITY_GROUP_RULE_FILTERS } from '../network-filters.js'
import { paginate } from '../pagination.js'
import { listResources } from '../resource-store.js'
import { ruleShape, type SecurityGroupAttributes } from '../security-groups.js'

/** EC2 DescribeSecurityGroupRules: every rule of the account's groups, by rule id, filter and page. */
export const describeSecurityGroupRules: Operation = {
  readOnly: true,
  async authorize(ctx) {
    return [onAnyResource(ctx, 'ec2:DescribeSecurityGroupRules')]
  },
  async run(ctx, input) {
    const filters = (input.Filters ?? []) as Ec2Filter[]
    checkFilters(filters, SECURITY_GROUP_RULE_FILTERS)
    const ids = (input.SecurityGroupRuleIds ?? []) as string[]
    const rules = (await listResources<SecurityGroupAttributes>(ctx, 'security-group'))
      .flatMap((g) => g.attributes.Rules.map((rule) => ruleShape(g.attributes, rule)))
      .filter((r) => ids.length === 0 || ids.includes(String(r.SecurityGroupRuleId)))
      .filter((r) => matchesFilters(r, filters, SECURITY_GROUP_RULE_FILTERS))
      .sort((a, b) => String(a.SecurityGroupRuleId).localeCompare(String(b.SecurityGroupRuleId)))
    const missing = ids.filter((id) => !rules.some((r) => r.SecurityGroupRuleId === id))
    if (missing.length > 0)
      throw new AwsError(
        'InvalidSecurityGroupRuleId.NotFound',
        400,
        `The security group rule ID '${missing[0]}' does not exist`,
      )
    const page = paginate(rules, (r) => String(r.SecurityGroupRuleId), input)
    return { SecurityGroupRules: page.items, ...(page.nextToken ? { NextToken: page.nextToken } : {}) }
  },
}
