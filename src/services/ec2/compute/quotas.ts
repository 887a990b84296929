import type { Repositories } from '../../../store/index.js'
import { instanceLimitExceeded, vcpuLimitExceeded } from './errors.js'
import { countsAgainstQuota, currentState } from './instance-state.js'
import { INSTANCE_TYPES } from './instance-types.js'
import type { InstanceAttributes } from './records.js'

/** The running-instance quotas of one account in one region. */
export interface ComputeQuotas {
  /** AWS: "Running On-Demand Standard (A, C, D, H, I, M, R, T, Z) instances", in vCPUs. */
  readonly standardVcpus: number
  /** Running instances of any type. */
  readonly instances: number
}

/** The quotas an account has unless the `ec2-quotas` settings say otherwise. */
export const DEFAULT_QUOTAS: ComputeQuotas = { standardVcpus: 1152, instances: 1000 }

/** The settings scope that holds quota overrides: key `<account>/<region>`, `<account>` or `default`, JSON value. */
export const QUOTA_SETTINGS_SCOPE = 'ec2-quotas'

/** The quotas of an account in a region: the most specific `ec2-quotas` setting over the defaults. */
export async function quotasOf(store: Repositories, account: string, region: string): Promise<ComputeQuotas> {
  for (const key of [`${account}/${region}`, account, 'default']) {
    const value = await store.settings.get(QUOTA_SETTINGS_SCOPE, key)
    if (value !== undefined)
      return {
        standardVcpus: DEFAULT_QUOTAS.standardVcpus,
        instances: DEFAULT_QUOTAS.instances,
        ...(JSON.parse(value) as Partial<ComputeQuotas>),
      }
  }
  return DEFAULT_QUOTAS
}

/** What an account runs in a region now: instances and standard vCPUs that use capacity. */
export async function usage(
  store: Repositories,
  account: string,
  region: string,
  now: Date,
): Promise<{ instances: number; standardVcpus: number }> {
  let instances = 0
  let standardVcpus = 0
  let after: string | undefined
  do {
    const page = await store.cloudResources.list<InstanceAttributes>({
      accountId: account,
      service: 'ec2',
      type: 'instance',
      region,
      limit: 1000,
      ...(after === undefined ? {} : { after }),
    })
    for (const record of page.items) {
      if (!countsAgainstQuota(currentState(record.attributes.state, now.getTime()).name)) continue
      instances++
      const type = INSTANCE_TYPES.get(record.attributes.instanceType)
      if (type?.standard) standardVcpus += type.vcpus
    }
    after = page.next
  } while (after !== undefined)
  return { instances, standardVcpus }
}

/**
 * How many of `max` instances of `instanceType` fit the quotas (at least `min`, or the limit error AWS
 * answers): EC2 launches as many as it can between MinCount and MaxCount.
 */
export function launchable(
  quotas: ComputeQuotas,
  used: { instances: number; standardVcpus: number },
  instanceType: string,
  min: number,
  max: number,
): number {
  const type = INSTANCE_TYPES.get(instanceType)
  const vcpus = type?.standard ? type.vcpus : 0
  const byVcpus = vcpus === 0 ? max : Math.floor((quotas.standardVcpus - used.standardVcpus) / vcpus)
  const byCount = quotas.instances - used.instances
  if (byVcpus < min) throw vcpuLimitExceeded(quotas.standardVcpus)
  if (byCount < min) throw instanceLimitExceeded(Math.max(0, byCount), min)
  return Math.min(max, byVcpus, byCount)
}
