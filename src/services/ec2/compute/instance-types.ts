/** What Lanyard knows of one EC2 instance type. */
export interface InstanceTypeInfo {
  readonly name: string
  readonly vcpus: number
  readonly memoryMiB: number
  readonly architecture: 'x86_64' | 'arm64'
  /** Whether the type counts against the Running On-Demand Standard (A, C, D, H, I, M, R, T, Z) quota. */
  readonly standard: boolean
}

const row = (
  name: string,
  vcpus: number,
  memoryGiB: number,
  architecture: 'x86_64' | 'arm64' = 'x86_64',
) => ({
  name,
  vcpus,
  memoryMiB: Math.round(memoryGiB * 1024),
  architecture,
  standard: /^[acdhimrtz]/.test(name),
})

/** The instance types Lanyard launches, with AWS's vCPU and memory figures. */
export const INSTANCE_TYPES: ReadonlyMap<string, InstanceTypeInfo> = new Map(
  [
    row('m1.small', 1, 1.7),
    row('t3.micro', 2, 1),
    row('t3.small', 2, 2),
    row('t3.medium', 2, 4),
    row('t3.large', 2, 8),
    row('t3.xlarge', 4, 16),
    row('t3.2xlarge', 8, 32),
    row('m5.large', 2, 8),
    row('m5.xlarge', 4, 16),
    row('m5.2xlarge', 8, 32),
    row('m5.4xlarge', 16, 64),
    row('m5.8xlarge', 32, 128),
    row('m6i.large', 2, 8),
    row('m6i.xlarge', 4, 16),
    row('m6i.2xlarge', 8, 32),
    row('m6i.4xlarge', 16, 64),
    row('m6g.xlarge', 4, 16, 'arm64'),
    row('m6g.2xlarge', 8, 32, 'arm64'),
    row('m7i.xlarge', 4, 16),
    row('m7g.xlarge', 4, 16, 'arm64'),
    row('c5.xlarge', 4, 8),
    row('c5.2xlarge', 8, 16),
    row('r5.xlarge', 4, 32),
    row('r5.2xlarge', 8, 64),
    row('g4dn.xlarge', 4, 16),
    row('p3.2xlarge', 8, 61),
  ].map((info) => [info.name, info]),
)

/** The instance type AWS launches when RunInstances names none. */
export const DEFAULT_INSTANCE_TYPE = 'm1.small'
