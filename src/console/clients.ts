import { CloudTrailClient } from '@aws-sdk/client-cloudtrail'
import { IAMClient } from '@aws-sdk/client-iam'
import { ResourceGroupsTaggingAPIClient } from '@aws-sdk/client-resource-groups-tagging-api'
import { STSClient } from '@aws-sdk/client-sts'
import { ClusterClient } from './cluster-client.js'
import type { ConsoleSession } from './session.js'

/** The AWS SDK clients of one signed-in session; every call is SigV4-signed as that principal. */
export interface Clients {
  readonly iam: IAMClient
  readonly sts: STSClient
  readonly cloudtrail: CloudTrailClient
  /** The Resource Groups Tagging API (a cluster's resources, by its infra-id tag). */
  readonly tagging: ResourceGroupsTaggingAPIClient
  /** The cluster service (`/api/clusters_mgmt/v1/`), signed for service `clusters`. */
  readonly clusters: ClusterClient
}

/** Clients whose endpoint is the server the console was loaded from. */
export function makeClients(session: ConsoleSession): Clients {
  const config = {
    region: 'us-east-1',
    endpoint: window.location.origin,
    credentials: {
      accessKeyId: session.accessKeyId,
      secretAccessKey: session.secretAccessKey,
      ...(session.sessionToken ? { sessionToken: session.sessionToken } : {}),
    },
    maxAttempts: 1,
  }
  return {
    iam: new IAMClient(config),
    sts: new STSClient(config),
    cloudtrail: new CloudTrailClient(config),
    tagging: new ResourceGroupsTaggingAPIClient(config),
    clusters: new ClusterClient(session, config.region),
  }
}

/** The message of an SDK error (`Code: message`), or of anything else thrown. */
export function errorText(error: unknown): string {
  if (error instanceof Error)
    return error.name && error.name !== 'Error' ? `${error.name}: ${error.message}` : error.message
  return String(error)
}
