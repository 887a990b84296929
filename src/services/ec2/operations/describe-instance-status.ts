import type { Operation } from '../../operation.js'
import { onAnyResource } from '../authz.js'
import { INSTANCE_STATUS_FILTERS } from '../compute/instance-filters.js'
import { stateAt } from '../compute/instance-shape.js'
import { stateShape } from '../compute/instance-state.js'
import { loadInstances } from '../compute/instances.js'
import { invalidParameterCombination } from '../errors.js'
import { checkFilters, type Ec2Filter, matchesFilters } from '../filters.js'
import { paginate } from '../pagination.js'

const check = (status: string) => ({ Status: status, Details: [{ Name: 'reachability', Status: status }] })

/**
 * EC2 DescribeInstanceStatus: running instances (every instance with IncludeAllInstances), their checks
 * `ok` once running and `initializing` while pending.
 */
export const describeInstanceStatus: Operation = {
  readOnly: true,
  async authorize(ctx) {
    return [onAnyResource(ctx, 'ec2:DescribeInstanceStatus')]
  },
  async run(ctx, input) {
    const ids = (input.InstanceIds ?? []) as string[]
    const filters = (input.Filters ?? []) as Ec2Filter[]
    checkFilters(filters, INSTANCE_STATUS_FILTERS)
    if (ids.length > 0 && input.MaxResults !== undefined)
      throw invalidParameterCombination(
        'The parameter instancesSet cannot be used with the parameter maxResults',
      )
    const all = input.IncludeAllInstances === true
    const items = []
    for (const record of await loadInstances(ctx, ids)) {
      const state = stateAt(record, ctx.now)
      if (!all && state.name !== 'running') continue
      const checks =
        state.name === 'running'
          ? check('passed')
          : state.name === 'pending'
            ? check('initializing')
            : undefined
      const status =
        checks === undefined ? 'not-applicable' : state.name === 'running' ? 'ok' : 'initializing'
      const shape = {
        AvailabilityZone: record.attributes.availabilityZone,
        InstanceId: record.id,
        InstanceState: stateShape(state.name),
        InstanceStatus: { Status: status, ...(checks ? { Details: checks.Details } : {}) },
        SystemStatus: { Status: status, ...(checks ? { Details: checks.Details } : {}) },
      }
      if (matchesFilters(shape, filters, INSTANCE_STATUS_FILTERS)) items.push(shape)
    }
    const page = paginate(items, (item) => item.InstanceId, input)
    return {
      InstanceStatuses: page.items,
      ...(page.nextToken !== undefined ? { NextToken: page.nextToken } : {}),
    }
  },
}
