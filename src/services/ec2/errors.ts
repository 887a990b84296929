import { AwsError } from '../../kernel/aws-error.js'
import { type Ec2ResourceType, resourceType } from './resource-types.js'

/** The NotFound error of a resource type for ids that do not exist. */
export const notFound = (type: Ec2ResourceType | string, ids: readonly string[]): AwsError => {
  const t = typeof type === 'string' ? resourceType(type) : type
  return new AwsError(t.notFound, 400, t.notFoundMessage(ids))
}

/** AWS: `Invalid id: "vpc-xyz"` under the type's Malformed code. */
export const malformedId = (type: Ec2ResourceType | string, id: string): AwsError => {
  const t = typeof type === 'string' ? resourceType(type) : type
  return new AwsError(t.malformed, 400, `Invalid id: "${id}"`)
}

/** EC2's generic error for a parameter value it rejects. */
export const invalidParameterValue = (message: string): AwsError =>
  new AwsError('InvalidParameterValue', 400, message)

/** EC2's error for a combination of parameters it rejects. */
export const invalidParameterCombination = (message: string): AwsError =>
  new AwsError('InvalidParameterCombination', 400, message)

/** AWS: `The request must contain the parameter <name>`. */
export const missingParameter = (name: string): AwsError =>
  new AwsError('MissingParameter', 400, `The request must contain the parameter ${name}`)

/** AWS: a DryRun request that would have been allowed. */
export const dryRunOperation = (): AwsError =>
  new AwsError('DryRunOperation', 412, 'Request would have succeeded, but DryRun flag is set.')

/** AWS: `The <kind> '<id>' has dependencies and cannot be deleted.` */
export const dependencyViolation = (kind: string, id: string): AwsError =>
  new AwsError('DependencyViolation', 400, `The ${kind} '${id}' has dependencies and cannot be deleted.`)

/** AWS: the filter name is not one the Describe call knows. */
export const invalidFilter = (name: string): AwsError =>
  new AwsError('InvalidParameterValue', 400, `The filter '${name}' is invalid`)

/** AWS: a NextToken that this call did not hand out. */
export const invalidNextToken = (): AwsError =>
  new AwsError('InvalidNextToken', 400, 'The token provided is invalid or expired.')
