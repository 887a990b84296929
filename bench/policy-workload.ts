import { readFileSync } from 'node:fs'

/** The account of the benchmark's cluster. */
export const ACCOUNT = '123456789012'
const ROLE = 'ManagedOpenShift-Installer-Role'
const SESSION_ARN = `arn:aws:sts::${ACCOUNT}:assumed-role/${ROLE}/installer-session`
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/${ROLE}`

/** A policy document as JSON. */
export type Doc = Record<string, unknown>

/** One request of the workload, in the `lanyard policy evaluate` request shape. */
export interface WorkloadRequest {
  readonly name: string
  readonly principal: string
  readonly action: string
  readonly resource: string
  readonly context: Record<string, string>
  readonly identityPolicies: readonly Doc[]
  readonly permissionsBoundaries?: readonly Doc[]
  readonly sessionPolicies?: readonly Doc[]
}

/** A session policy a cluster tool might pass: network and load balancers only, no termination of foreign instances. */
export const SESSION_POLICY: Doc = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'Network',
      Effect: 'Allow',
      Action: ['ec2:*', 'elasticloadbalancing:*', 'route53:*'],
      Resource: '*',
    },
    {
      Sid: 'OnlyManagedInstances',
      Effect: 'Deny',
      Action: 'ec2:TerminateInstances',
      Resource: '*',
      Condition: { StringNotEquals: { 'aws:ResourceTag/red-hat-managed': 'true' } },
    },
  ],
}

/** Actions the Installer policy does not grant. */
const OUTSIDE = [
  'dynamodb:PutItem',
  'lambda:InvokeFunction',
  'kms:ScheduleKeyDeletion',
  'kms:Decrypt',
  'iam:CreateUser',
  'iam:CreateAccessKey',
  'iam:AttachRolePolicy',
  'iam:DeleteRole',
  's3:PutBucketPublicAccessBlock',
  's3:DeleteBucketPolicy',
  'ec2:ModifyInstanceMetadataOptions',
  'ec2:CreateVpcPeeringConnection',
  'route53:DeleteVPCAssociationAuthorization',
  'secretsmanager:DeleteSecret',
  'sqs:SendMessage',
  'cloudtrail:StopLogging',
]

/** A resource ARN an action of this service would realistically name. */
function resourceFor(action: string, n: number): string {
  const [service, name = ''] = action.split(':')
  const id = n.toString(16).padStart(8, '0')
  if (/^(Describe|List|Get(Caller|Account|ServiceQuota|MetricData|Resources))/.test(name)) return '*'
  switch (service) {
    case 'ec2': {
      const type = /Volume|Snapshot/.test(name)
        ? 'volume/vol-'
        : /Vpc|Gateway|Route/.test(name)
          ? 'vpc/vpc-'
          : /Subnet/.test(name)
            ? 'subnet/subnet-'
            : /SecurityGroup/.test(name)
              ? 'security-group/sg-'
              : 'instance/i-'
      return `arn:aws:ec2:us-east-1:${ACCOUNT}:${type}0abc${id}`
    }
    case 's3':
      return /Object/.test(name)
        ? `arn:aws:s3:::cluster-${id}-image-registry/docker/registry/v2/blob`
        : `arn:aws:s3:::cluster-${id}-image-registry`
    case 'elasticloadbalancing':
      return /TargetGroup|Targets/.test(name)
        ? `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:targetgroup/cluster-${id}-aint/0123456789abcdef`
        : `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:loadbalancer/net/cluster-${id}-int/0123456789abcdef`
    case 'iam':
      return /InstanceProfile/.test(name)
        ? `arn:aws:iam::${ACCOUNT}:instance-profile/cluster-${id}-worker-profile`
        : /User/.test(name)
          ? `arn:aws:iam::${ACCOUNT}:user/cluster-${id}`
          : `arn:aws:iam::${ACCOUNT}:role/cluster-${id}-worker-role`
    case 'route53':
      return `arn:aws:route53:::hostedzone/Z${id.toUpperCase()}`
    case 'sts':
      return name === 'AssumeRole' ? `arn:aws:iam::${ACCOUNT}:role/cluster-${id}-operator` : '*'
    case 'secretsmanager':
      return `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:cluster-${id}-pull-secret-AbCdEf`
    case 'kms':
      return `arn:aws:kms:us-east-1:${ACCOUNT}:key/0000${id}-0000-0000-0000-000000000000`
    default:
      return `arn:aws:${service}:us-east-1:${ACCOUNT}:${name.toLowerCase()}/${id}`
  }
}

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same workload. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Loads a policy document of data/rosa/4.22. */
export function rosaPolicy(file: string): Doc {
  return JSON.parse(readFileSync(new URL(`../data/rosa/4.22/${file}`, import.meta.url), 'utf8')) as Doc
}

/**
 * The ROSA Installer workload: the Installer policy as identity policy, the Worker policy as boundary for a third
 * of the requests and SESSION_POLICY for another third; four in five actions come from the policies.
 */
export function buildWorkload(count: number): WorkloadRequest[] {
  const installer = rosaPolicy('installer.permission-policy.json')
  const worker = rosaPolicy('worker.permission-policy.json')
  const statements = installer.Statement as { Action: string[] }[]
  const inside = statements.flatMap((s) => s.Action)
  const granted = new Set(inside)
  const outside = OUTSIDE.filter((a) => !granted.has(a))
  const next = random(42)
  const requests: WorkloadRequest[] = []
  for (let n = 0; n < count; n++) {
    const pool = next() < 0.8 ? inside : outside
    const action = pool[Math.floor(next() * pool.length)]!
    const context: Record<string, string> = {
      'aws:PrincipalArn': ROLE_ARN,
      'aws:userid': 'AROAEXAMPLEINSTALLER:installer-session',
      'aws:CurrentTime': '2026-11-28T12:00:00Z',
      'aws:SourceIp': '203.0.113.7',
      'aws:SecureTransport': 'true',
      'aws:RequestedRegion': 'us-east-1',
    }
    if (next() < 0.7) context['aws:ResourceTag/red-hat-managed'] = next() < 0.8 ? 'true' : 'false'
    const layer = n % 3
    requests.push({
      name: `r${n}`,
      principal: SESSION_ARN,
      action,
      resource: resourceFor(action, n),
      context,
      identityPolicies: [installer],
      ...(layer === 1 ? { permissionsBoundaries: [worker] } : {}),
      ...(layer === 2 ? { sessionPolicies: [SESSION_POLICY] } : {}),
    })
  }
  return requests
}
