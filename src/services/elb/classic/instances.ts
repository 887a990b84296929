import { AwsError } from '../../../kernel/aws-error.js'

/** The model-validated `Instances` member as instance ids. */
export const inputInstanceIds = (input: Record<string, unknown>): string[] =>
  (Array.isArray(input.Instances) ? (input.Instances as { InstanceId?: string }[]) : []).map((i) =>
    String(i.InstanceId),
  )

/** AWS: classic ELB's error for an instance it cannot find (in EC2, or among its registered instances). */
export const invalidInstance = (id: string): AwsError =>
  new AwsError('InvalidInstance', 400, `Could not find EC2 instance ${id}.`)

/** The `Instances` member of an answer. */
export const instanceShapes = (instances: readonly { readonly id: string }[]) =>
  instances.map((instance) => ({ InstanceId: instance.id }))
