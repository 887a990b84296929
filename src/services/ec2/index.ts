import { MODELS } from '../../models/index.js'
import type { Operation, ServiceDefinition } from '../operation.js'
import { EC2_COMPUTE_OPERATIONS } from './compute/index.js'
import { withDryRun } from './dry-run.js'
import type { Ec2Env } from './ec2-env.js'
import { EC2_NETWORK_OPERATIONS } from './network-operations.js'
import { unauthorizedOperation } from './unauthorized-operation.js'

/** EC2, 2016-11-15 (ec2 protocol): every operation with DryRun, and denials answered as UnauthorizedOperation. */
export function ec2Service(env: Ec2Env): ServiceDefinition {
  const operations: Record<string, Operation> = {}
  for (const table of [EC2_NETWORK_OPERATIONS, EC2_COMPUTE_OPERATIONS])
    for (const [name, operation] of Object.entries(table)) operations[name] = withDryRun(operation)
  return {
    signingName: 'ec2',
    eventSource: 'ec2.amazonaws.com',
    model: MODELS.ec2,
    operations,
    denied: unauthorizedOperation(env),
  }
}

export {
  IMDS_PREFIX,
  instanceMetadataRoute,
  type MetadataEnv,
} from './compute/imds/instance-metadata-route.js'
export type { DeniedAuthorization, Ec2Env } from './ec2-env.js'
