/** AWS's default per-region quotas of the networking resources (Service Quotas defaults). */
export const NETWORK_QUOTAS = {
  /** VPCs per region. */
  vpcs: 5,
  /** Elastic IP addresses per region. */
  elasticIps: 5,
  /** Inbound or outbound rules per security group. */
  rulesPerGroup: 60,
} as const
