import { resourceType } from './resource-types.js'

/** `arn:aws:ec2:<region>:<account>:<type>/<id>`; snapshots and images carry no account. */
export function ec2Arn(region: string, account: string, type: string, id: string): string {
  const owner = resourceType(type).arnWithoutAccount ? '' : account
  return `arn:aws:ec2:${region}:${owner}:${type}/${id}`
}
