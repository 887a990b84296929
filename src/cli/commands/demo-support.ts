import {
  DeleteVolumeCommand,
  DescribeInstancesCommand,
  DescribeVolumesCommand,
  EC2Client,
} from '@aws-sdk/client-ec2'
import type { AwsCredentialIdentity } from '@smithy/types'

/** One call the demo makes and what the server answered. */
export interface DemoCall {
  readonly action: string
  readonly allowed: boolean
  /** The result when allowed, `<code>: <message>` when refused. */
  readonly detail: string
}

/** An EC2 client signed with a session's temporary credentials. */
export const ec2Session = (endpoint: string, region: string, credentials: AwsCredentialIdentity): EC2Client =>
  new EC2Client({ endpoint, region, credentials, maxAttempts: 1 })

/** Runs `call`; a refusal (any AWS error) becomes a `DemoCall` that says so, with the error's code and message. */
async function attempt(action: string, call: () => Promise<string>): Promise<DemoCall> {
  try {
    return { action, allowed: true, detail: await call() }
  } catch (error) {
    const e = error as Error
    // The encoded authorization message (sts:DecodeAuthorizationMessage) is long and says the same.
    const message = e.message.replace(/ Encoded authorization failure message: \S+$/, '')
    return { action, allowed: false, detail: `${e.name}: ${message}` }
  }
}

/** ec2:DescribeInstances of the instances tagged for the cluster. */
export const describeClusterInstances = (ec2: EC2Client, infraId: string): Promise<DemoCall> =>
  attempt('ec2:DescribeInstances', async () => {
    const answer = await ec2.send(
      new DescribeInstancesCommand({
        Filters: [{ Name: `tag:kubernetes.io/cluster/${infraId}`, Values: ['owned'] }],
      }),
    )
    const live = (answer.Reservations ?? [])
      .flatMap((r) => r.Instances ?? [])
      .filter((i) => i.State?.Name === 'running' || i.State?.Name === 'pending')
    return `${live.length} instances (pending or running) tagged for ${infraId}`
  })

/** ec2:DescribeVolumes of the cluster's volumes; answers the call and the first volume's id. */
export async function describeClusterVolumes(
  ec2: EC2Client,
  infraId: string,
): Promise<{ call: DemoCall; volumeId?: string }> {
  let volumeId: string | undefined
  const call = await attempt('ec2:DescribeVolumes', async () => {
    const answer = await ec2.send(
      new DescribeVolumesCommand({
        Filters: [{ Name: `tag:kubernetes.io/cluster/${infraId}`, Values: ['owned'] }],
      }),
    )
    const volumes = answer.Volumes ?? []
    volumeId = volumes[0]?.VolumeId
    return `${volumes.length} volumes tagged for ${infraId}`
  })
  return { call, ...(volumeId ? { volumeId } : {}) }
}

/** ec2:DeleteVolume of `volumeId`. */
export const deleteVolume = (ec2: EC2Client, volumeId: string): Promise<DemoCall> =>
  attempt('ec2:DeleteVolume', async () => {
    await ec2.send(new DeleteVolumeCommand({ VolumeId: volumeId }))
    return `deleted ${volumeId}`
  })

/** A call's narration line: `ALLOWED action — detail` or `DENIED  action — code: message`. */
export const callLine = (who: string, call: DemoCall): string =>
  `  ${call.allowed ? 'ALLOWED' : 'DENIED '} ${call.action} as ${who} — ${call.detail}`
