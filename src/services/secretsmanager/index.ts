import { AwsError } from '../../kernel/aws-error.js'
import { MODELS } from '../../models/index.js'
import { accessDeniedException } from '../access-denied-exception.js'
import type { ServiceDefinition } from '../operation.js'
import { retryingOperations } from '../retry-on-conflict.js'
import { createSecret } from './operations/create-secret.js'
import { deleteResourcePolicy } from './operations/delete-resource-policy.js'
import { deleteSecret } from './operations/delete-secret.js'
import { describeSecret } from './operations/describe-secret.js'
import { getResourcePolicy } from './operations/get-resource-policy.js'
import { getSecretValue } from './operations/get-secret-value.js'
import { listSecrets } from './operations/list-secrets.js'
import { putResourcePolicy } from './operations/put-resource-policy.js'
import { putSecretValue } from './operations/put-secret-value.js'
import { restoreSecret } from './operations/restore-secret.js'
import { tagResource } from './operations/tag-resource.js'
import { untagResource } from './operations/untag-resource.js'
import { updateSecret } from './operations/update-secret.js'

/** Secrets Manager, 2017-10-17 (json protocol): secrets with versions sealed at rest, tags and resource policies. */
export const SECRETSMANAGER_SERVICE: ServiceDefinition = {
  signingName: 'secretsmanager',
  eventSource: 'secretsmanager.amazonaws.com',
  model: MODELS.secretsmanager,
  denied: accessDeniedException,
  operations: retryingOperations(
    {
      CreateSecret: createSecret,
      GetSecretValue: getSecretValue,
      DescribeSecret: describeSecret,
      PutSecretValue: putSecretValue,
      UpdateSecret: updateSecret,
      DeleteSecret: deleteSecret,
      RestoreSecret: restoreSecret,
      ListSecrets: listSecrets,
      TagResource: tagResource,
      UntagResource: untagResource,
      PutResourcePolicy: putResourcePolicy,
      GetResourcePolicy: getResourcePolicy,
      DeleteResourcePolicy: deleteResourcePolicy,
    },
    () => new AwsError('InternalServiceError', 500, 'An error occurred on the server side.', 'Receiver'),
  ),
}
