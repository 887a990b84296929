import type { FilterTable } from '../filters.js'
import type { InstanceTypeInfo } from './instance-types.js'

/** The `InstanceTypeInfo` shape of DescribeInstanceTypes. */
export function toInstanceTypeShape(type: InstanceTypeInfo): Record<string, unknown> {
  const threads = type.vcpus > 1 ? 2 : 1
  return {
    InstanceType: type.name,
    CurrentGeneration: !type.name.startsWith('m1.'),
    FreeTierEligible: type.name === 't3.micro',
    SupportedUsageClasses: ['on-demand', 'spot'],
    SupportedRootDeviceTypes: ['ebs'],
    SupportedVirtualizationTypes: ['hvm'],
    BareMetal: false,
    Hypervisor: 'nitro',
    ProcessorInfo: { SupportedArchitectures: [type.architecture] },
    VCpuInfo: {
      DefaultVCpus: type.vcpus,
      DefaultCores: type.vcpus / threads,
      DefaultThreadsPerCore: threads,
    },
    MemoryInfo: { SizeInMiB: type.memoryMiB },
    InstanceStorageSupported: false,
    EbsInfo: { EbsOptimizedSupport: 'default', EncryptionSupport: 'supported', NvmeSupport: 'required' },
    NetworkInfo: {
      NetworkPerformance: 'Up to 10 Gigabit',
      MaximumNetworkInterfaces: 4,
      Ipv6Supported: true,
      EnaSupport: 'required',
    },
    HibernationSupported: false,
    BurstablePerformanceSupported: type.name.startsWith('t'),
    DedicatedHostsSupported: false,
    AutoRecoverySupported: true,
    SupportedBootModes: type.architecture === 'arm64' ? ['uefi'] : ['legacy-bios', 'uefi'],
  }
}

/** The DescribeInstanceTypes filters. */
export const INSTANCE_TYPE_FILTERS: FilterTable = {
  'instance-type': 'InstanceType',
  'current-generation': 'CurrentGeneration',
  'free-tier-eligible': 'FreeTierEligible',
  'processor-info.supported-architecture': 'ProcessorInfo.SupportedArchitectures',
  'vcpu-info.default-vcpus': 'VCpuInfo.DefaultVCpus',
  'memory-info.size-in-mib': 'MemoryInfo.SizeInMiB',
  'supported-usage-class': 'SupportedUsageClasses',
  'supported-root-device-type': 'SupportedRootDeviceTypes',
  'supported-virtualization-type': 'SupportedVirtualizationTypes',
  'burstable-performance-supported': 'BurstablePerformanceSupported',
  hypervisor: 'Hypervisor',
}

/** The DescribeInstanceTypeOfferings filters. */
export const OFFERING_FILTERS: FilterTable = { 'instance-type': 'InstanceType', location: 'Location' }
