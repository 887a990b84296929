import { validationError } from '../errors.js'

/** AWS: the attributes a new application load balancer reports. */
const APPLICATION: Readonly<Record<string, string>> = {
  'access_logs.s3.enabled': 'false',
  'access_logs.s3.bucket': '',
  'access_logs.s3.prefix': '',
  'client_keep_alive.seconds': '3600',
  'connection_logs.s3.enabled': 'false',
  'connection_logs.s3.bucket': '',
  'connection_logs.s3.prefix': '',
  'deletion_protection.enabled': 'false',
  'idle_timeout.timeout_seconds': '60',
  'load_balancing.cross_zone.enabled': 'true',
  'routing.http.desync_mitigation_mode': 'defensive',
  'routing.http.drop_invalid_header_fields.enabled': 'false',
  'routing.http.preserve_host_header.enabled': 'false',
  'routing.http.x_amzn_tls_version_and_cipher_suite.enabled': 'false',
  'routing.http.xff_client_port.enabled': 'false',
  'routing.http.xff_header_processing.mode': 'append',
  'routing.http2.enabled': 'true',
  'waf.fail_open.enabled': 'false',
}

/** AWS: the attributes a new network load balancer reports. */
const NETWORK: Readonly<Record<string, string>> = {
  'access_logs.s3.enabled': 'false',
  'access_logs.s3.bucket': '',
  'access_logs.s3.prefix': '',
  'deletion_protection.enabled': 'false',
  'dns_record.client_routing_policy': 'any_availability_zone',
  'load_balancing.cross_zone.enabled': 'false',
}

/** AWS: the attributes every new target group reports. */
const TARGET_GROUP: Readonly<Record<string, string>> = {
  'deregistration_delay.timeout_seconds': '300',
  'stickiness.enabled': 'false',
  'load_balancing.cross_zone.enabled': 'use_load_balancer_configuration',
  'target_group_health.dns_failover.minimum_healthy_targets.count': '1',
  'target_group_health.dns_failover.minimum_healthy_targets.percentage': 'off',
  'target_group_health.unhealthy_state_routing.minimum_healthy_targets.count': '1',
  'target_group_health.unhealthy_state_routing.minimum_healthy_targets.percentage': 'off',
}

/** AWS: what HTTP and HTTPS target groups (application load balancers) add. */
const HTTP_TARGET_GROUP: Readonly<Record<string, string>> = {
  'stickiness.type': 'lb_cookie',
  'stickiness.lb_cookie.duration_seconds': '86400',
  'stickiness.app_cookie.cookie_name': '',
  'stickiness.app_cookie.duration_seconds': '86400',
  'slow_start.duration_seconds': '0',
  'load_balancing.algorithm.type': 'round_robin',
  'load_balancing.algorithm.anomaly_mitigation': 'off',
}

/** AWS: what TCP, TLS, UDP and TCP_UDP target groups (network load balancers) add. */
const NETWORK_TARGET_GROUP: Readonly<Record<string, string>> = {
  'stickiness.type': 'source_ip',
  'proxy_protocol_v2.enabled': 'false',
  'deregistration_delay.connection_termination.enabled': 'false',
  'target_health_state.unhealthy.connection_termination.enabled': 'true',
  'target_health_state.unhealthy.draining_interval_seconds': '0',
}

/** The attributes a new load balancer of `type` starts with. */
export const loadBalancerDefaults = (type: 'application' | 'network'): Record<string, string> => ({
  ...(type === 'application' ? APPLICATION : NETWORK),
})

/** True for the protocols of application load balancers. */
export const isHttpProtocol = (protocol: string | undefined): boolean =>
  protocol === 'HTTP' || protocol === 'HTTPS'

/** The attributes a new target group starts with. */
export function targetGroupDefaults(
  protocol: string | undefined,
  targetType: string,
): Record<string, string> {
  const settings: Record<string, string> = { ...TARGET_GROUP }
  if (targetType === 'lambda') return { 'lambda.multi_value_headers.enabled': 'false' }
  Object.assign(settings, isHttpProtocol(protocol) ? HTTP_TARGET_GROUP : NETWORK_TARGET_GROUP)
  // AWS: client IP preservation is on for instance targets, off for IP targets (TCP/TLS).
  if (!isHttpProtocol(protocol))
    settings['preserve_client_ip.enabled'] = targetType === 'instance' ? 'true' : 'false'
  return settings
}

/** `settings` with the `Attributes` of a Modify call applied; ValidationError for a key the resource does not have. */
export function applySettings(
  settings: Readonly<Record<string, string>>,
  input: Record<string, unknown>,
  noun: 'Load balancer' | 'Target group',
): Record<string, string> {
  const next = { ...settings }
  for (const attribute of (input.Attributes ?? []) as { Key?: string; Value?: string }[]) {
    const key = attribute.Key ?? ''
    if (!(key in next)) throw validationError(`${noun} attribute key '${key}' is not recognized`)
    next[key] = attribute.Value ?? ''
  }
  return next
}

/** `[{Key, Value}]` of the attributes, by key. */
export const attributeShapes = (
  settings: Readonly<Record<string, string>>,
): { Key: string; Value: string }[] =>
  Object.keys(settings)
    .sort()
    .map((key) => ({ Key: key, Value: settings[key]! }))
