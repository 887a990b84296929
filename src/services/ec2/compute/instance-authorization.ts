import type { ContextValue } from '../../../policy/index.js'
import type { AuthorizationRequest, OperationContext } from '../../operation.js'
import { onResource } from '../authz.js'
import { findResource } from '../resource-store.js'
import type { InstanceAttributes } from './records.js'

/** The condition keys an existing instance brings to an authorization on it. */
export function instanceContext(attributes: InstanceAttributes | undefined): Record<string, ContextValue> {
  if (attributes === undefined) return {}
  return {
    'ec2:InstanceType': attributes.instanceType,
    'ec2:AvailabilityZone': attributes.availabilityZone,
    'ec2:RootDeviceType': 'ebs',
    'ec2:Tenancy': 'default',
    'ec2:EbsOptimized': String(attributes.ebsOptimized),
    ...(attributes.iamInstanceProfile ? { 'ec2:InstanceProfile': attributes.iamInstanceProfile.arn } : {}),
  }
}

/** `action` on each named instance, with its tags and condition keys (a missing one answers NotFound later). */
export async function instanceAuthorizations(
  ctx: OperationContext,
  action: string,
  ids: unknown,
): Promise<AuthorizationRequest[]> {
  const out: AuthorizationRequest[] = []
  for (const id of new Set((ids ?? []) as string[])) {
    const record = await findResource<InstanceAttributes>(ctx, 'instance', id)
    out.push(onResource(ctx, action, 'instance', id, record, instanceContext(record?.attributes)))
  }
  return out
}
