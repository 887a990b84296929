import { AwsError } from '../../../kernel/aws-error.js'

/** AWS: the message RunInstances gives for an instance type it does not know. */
export const invalidInstanceType = (type: string): AwsError =>
  new AwsError('InvalidParameterValue', 400, `Invalid value '${type}' for InstanceType.`)

/** A missing or malformed parameter. */
export const invalidParameter = (message: string): AwsError => new AwsError('InvalidParameter', 400, message)

/** AWS: StartInstances on an instance that is not stopped. */
export const cannotStart = (id: string): AwsError =>
  new AwsError(
    'IncorrectInstanceState',
    400,
    `The instance '${id}' is not in a state from which it can be started.`,
  )

/** AWS: StopInstances on a terminated or shutting-down instance. */
export const cannotStop = (id: string): AwsError =>
  new AwsError(
    'IncorrectInstanceState',
    400,
    `The instance '${id}' is not in a state from which it can be stopped.`,
  )

/** AWS: StopInstances on an instance still pending its first start. */
export const neverRunning = (id: string): AwsError =>
  new AwsError(
    'IncorrectInstanceState',
    400,
    `Instance '${id}' cannot be stopped as it has never reached the 'running' state.`,
  )

/** AWS: RebootInstances and ModifyInstanceAttribute on an instance in the wrong state. */
export const incorrectInstanceState = (id: string, state: string): AwsError =>
  new AwsError('IncorrectInstanceState', 400, `The instance '${id}' is not in the '${state}' state.`)

/** AWS: TerminateInstances on an instance with termination protection. */
export const terminationProtected = (id: string): AwsError =>
  new AwsError(
    'OperationNotPermitted',
    400,
    `The instance '${id}' may not be terminated. Modify its 'disableApiTermination' instance attribute and try again.`,
  )

/** AWS: a ClientToken reused with different parameters. */
export const idempotentMismatch = (): AwsError =>
  new AwsError(
    'IdempotentParameterMismatch',
    400,
    'Arguments on this idempotent request are inconsistent with arguments used in previous request(s).',
  )

/** AWS: the Running On-Demand instances vCPU quota would be exceeded. */
export const vcpuLimitExceeded = (limit: number): AwsError =>
  new AwsError(
    'VcpuLimitExceeded',
    400,
    `You have requested more vCPU capacity than your current vCPU limit of ${limit} allows for the instance bucket that the specified instance type belongs to. Please visit http://aws.amazon.com/contact-us/ec2-request to request an adjustment to this limit.`,
  )

/** AWS: the running-instance count quota would be exceeded. */
export const instanceLimitExceeded = (remaining: number, requested: number): AwsError =>
  new AwsError(
    'InstanceLimitExceeded',
    400,
    `Your quota allows for ${remaining} more running instance(s). You requested at least ${requested}`,
  )

/** AWS: AttachVolume on a volume that is attached. */
export const volumeAttached = (volumeId: string, instanceId: string): AwsError =>
  new AwsError('VolumeInUse', 400, `vol '${volumeId}' is already attached to an instance '${instanceId}'`)

/** AWS: DeleteVolume on a volume that is attached. */
export const volumeInUse = (volumeId: string, instanceId: string): AwsError =>
  new AwsError('VolumeInUse', 400, `Volume ${volumeId} is currently attached to ${instanceId}`)

/** AWS: a volume in the wrong state for the call (DetachVolume of an available volume). */
export const volumeIncorrectState = (volumeId: string, state: string): AwsError =>
  new AwsError('IncorrectState', 400, `Volume '${volumeId}' is in the '${state}' state.`)

/** AWS: AttachVolume to an instance that is neither running nor stopped. */
export const instanceNotReady = (instanceId: string): AwsError =>
  new AwsError('IncorrectState', 400, `Instance '${instanceId}' is not 'running'.`)

/** AWS: a device name already used on the instance. */
export const deviceInUse = (device: string): AwsError =>
  new AwsError(
    'InvalidParameterValue',
    400,
    `Invalid value '${device}' for unixDevice. Attachment point ${device} is already in use`,
  )

/** AWS: a volume and an instance in different availability zones. */
export const zoneMismatch = (volumeId: string, instanceId: string): AwsError =>
  new AwsError(
    'InvalidVolume.ZoneMismatch',
    400,
    `The volume '${volumeId}' is not in the same availability zone as instance '${instanceId}'`,
  )

/** AWS: ModifyVolume while an earlier modification is still in progress. */
export const modificationInProgress = (volumeId: string): AwsError =>
  new AwsError(
    'IncorrectModificationState',
    400,
    `Cannot modify volume ${volumeId} as it is already being modified.`,
  )
