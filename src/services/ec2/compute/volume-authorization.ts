import type { ContextValue } from '../../../policy/index.js'
import type { AuthorizationRequest, OperationContext } from '../../operation.js'
import { onResource } from '../authz.js'
import { findResource } from '../resource-store.js'
import type { VolumeAttributes } from './records.js'
import type { VolumeSpec } from './volume-spec.js'

/** The ec2: condition keys of a volume made of `spec` in `zone`. */
export function volumeContext(
  spec: VolumeSpec | VolumeAttributes,
  zone: string,
): Record<string, ContextValue> {
  const size = 'size' in spec ? spec.size : 0
  return {
    'ec2:AvailabilityZone': zone,
    'ec2:Encrypted': String(spec.encrypted),
    'ec2:VolumeSize': String(size),
    'ec2:VolumeType': spec.volumeType,
    ...(spec.iops !== undefined ? { 'ec2:VolumeIops': String(spec.iops) } : {}),
    ...(spec.throughput !== undefined ? { 'ec2:VolumeThroughput': String(spec.throughput) } : {}),
  }
}

/** `action` on a named volume, with its tags and condition keys (a missing one answers NotFound later). */
export async function volumeAuthorization(
  ctx: OperationContext,
  action: string,
  volumeId: unknown,
): Promise<AuthorizationRequest> {
  const id = String(volumeId ?? '')
  const record = await findResource<VolumeAttributes>(ctx, 'volume', id)
  const context =
    record === undefined ? {} : volumeContext(record.attributes, record.attributes.availabilityZone)
  return onResource(ctx, action, 'volume', id, record, context)
}
