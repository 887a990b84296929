import { AwsError } from '../../../kernel/aws-error.js'
import type { OperationContext } from '../../operation.js'
import { instanceState, isRunningState } from '../ec2-refs.js'
import { validationError } from '../errors.js'
import type { TargetGroupRecord } from './loaders.js'
import type { TargetRecord } from './records.js'

/** A target as the wire names it. */
export interface TargetInput {
  readonly Id: string
  readonly Port?: number
  readonly AvailabilityZone?: string
}

/** The model-validated `Targets` member. */
export const inputTargets = (input: Record<string, unknown>): TargetInput[] =>
  Array.isArray(input.Targets) ? (input.Targets as TargetInput[]) : []

/** The port a target is registered on: its own, else the target group's. */
export function targetPort(tg: TargetGroupRecord, target: TargetInput): number {
  const port = target.Port ?? tg.attributes.port
  if (port === undefined) {
    if (tg.attributes.targetType === 'lambda') return 0
    throw validationError('A port must be specified')
  }
  return port
}

const invalidTarget = (message: string) => new AwsError('InvalidTarget', 400, message)

/** AWS: instance targets must exist and be running; the ids of those that are not make the error. */
export async function checkTargets(
  ctx: OperationContext,
  tg: TargetGroupRecord,
  targets: readonly TargetInput[],
) {
  if (tg.attributes.targetType !== 'instance') return
  const stopped: string[] = []
  for (const target of targets) {
    const state = await instanceState(ctx, target.Id)
    if (state === undefined)
      throw invalidTarget(
        'The specified target does not exist, is not in the same VPC as the target group, or has an unsupported instance type.',
      )
    if (!isRunningState(state)) stopped.push(target.Id)
  }
  if (stopped.length > 0)
    throw invalidTarget(
      `The following targets are not in a running state and cannot be registered: ${stopped.map((id) => `'${id}'`).join(', ')}`,
    )
}

/** The same target: the same id on the same port. */
export const sameTarget = (a: TargetRecord, id: string, port: number): boolean =>
  a.id === id && a.port === port
