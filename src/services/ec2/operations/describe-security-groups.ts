import type { Operation } from '../../operation.js'
import { onAnyResource } from '../authz.js'
import { describe } from '../describe.js'
import { SECURITY_GROUP_FILTERS } from '../network-filters.js'
import { groupNotInDefaultVpc } from '../security-group-access.js'
import { securityGroupShape } from '../security-groups.js'

/** EC2 DescribeSecurityGroups: by id, name, filter and page. */
export const describeSecurityGroups: Operation = {
  readOnly: true,
  async authorize(ctx) {
    return [onAnyResource(ctx, 'ec2:DescribeSecurityGroups')]
  },
  async run(ctx, input) {
    const page = await describe(ctx, input, {
      type: 'security-group',
      idsMember: 'GroupIds',
      idsParameter: 'groupIds',
      filters: SECURITY_GROUP_FILTERS,
      shape: securityGroupShape,
    })
    const names = (input.GroupNames ?? []) as string[]
    // AWS: GroupNames look in the default VPC only.
    for (const name of names)
      if (!page.items.some((g) => g.GroupName === name)) throw groupNotInDefaultVpc(name)
    const items =
      names.length === 0 ? page.items : page.items.filter((g) => names.includes(String(g.GroupName)))
    return { SecurityGroups: items, ...(page.nextToken ? { NextToken: page.nextToken } : {}) }
  },
}
