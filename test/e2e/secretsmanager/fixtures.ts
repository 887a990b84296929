import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager'
import type { Keys } from '../sts/sts-fixtures.js'

/** A Secrets Manager client for `keys` against `url` in us-east-1. */
export const secretsClient = (url: string, keys: Keys): SecretsManagerClient =>
  new SecretsManagerClient({ endpoint: url, region: 'us-east-1', credentials: keys, maxAttempts: 1 })

/** AWS's AccessDeniedException text for an implicit deny. */
export const implicitlyDenied = (caller: string, action: string, resource: string): string =>
  `User: ${caller} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`
