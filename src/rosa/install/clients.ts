import { EC2Client } from '@aws-sdk/client-ec2'
import { ElasticLoadBalancingClient } from '@aws-sdk/client-elastic-load-balancing'
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2'
import { IAMClient } from '@aws-sdk/client-iam'
import { Route53Client } from '@aws-sdk/client-route-53'
import { S3Client } from '@aws-sdk/client-s3'
import type { AwsCredentialIdentity } from '@smithy/types'
import type { InstallClients } from './install-context.js'

/** The installer's clients, all signed with `credentials` (the customer Installer role's session). */
export function installClients(
  endpoint: string,
  region: string,
  credentials: AwsCredentialIdentity,
): InstallClients {
  const config = { endpoint, region, credentials, maxAttempts: 1 }
  return {
    ec2: new EC2Client(config),
    elb: new ElasticLoadBalancingClient(config),
    elbv2: new ElasticLoadBalancingV2Client(config),
    iam: new IAMClient(config),
    route53: new Route53Client(config),
    // Path-style: a loopback endpoint has no per-bucket host names.
    s3: new S3Client(Object.assign({}, config, { forcePathStyle: true })),
  }
}

/** Closes every client's sockets. */
export function destroyClients(clients: InstallClients): void {
  for (const client of Object.values(clients)) client.destroy()
}
