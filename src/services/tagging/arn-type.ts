/** The ARN service and the resource type of an ARN (`ec2` and `instance` for `…:instance/i-1`); type '' for S3 buckets. */
export function arnType(arn: string): { service: string; type: string; resource: string } {
  const parts = arn.split(':')
  const service = parts[2] ?? ''
  const resource = parts.slice(5).join(':')
  const type = /^[^/:]*(?=[/:])/.exec(resource)?.[0] ?? ''
  return { service, type, resource }
}

/**
 * Whether an ARN matches a ResourceTypeFilter: `service` matches every resource of the service, `service:type`
 * the resources whose ARN resource part is that type (`elasticloadbalancing:loadbalancer` holds classic and v2
 * load balancers; `elasticloadbalancing:loadbalancer/app` only application ones).
 */
export function matchesTypeFilter(arn: string, filter: string): boolean {
  const [service, type] = filter.split(':', 2) as [string, string | undefined]
  const parsed = arnType(arn)
  if (parsed.service !== service) return false
  if (type === undefined) return true
  return (
    parsed.resource === type ||
    parsed.resource.startsWith(`${type}/`) ||
    parsed.resource.startsWith(`${type}:`)
  )
}
