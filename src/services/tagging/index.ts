import { AwsError } from '../../kernel/aws-error.js'
import { MODELS } from '../../models/index.js'
import { accessDeniedException } from '../access-denied-exception.js'
import type { ServiceDefinition } from '../operation.js'
import { retryingOperations } from '../retry-on-conflict.js'
import { getResources } from './operations/get-resources.js'
import { getTagKeys } from './operations/get-tag-keys.js'
import { getTagValues } from './operations/get-tag-values.js'
import { tagResources } from './operations/tag-resources.js'
import { untagResources } from './operations/untag-resources.js'

/** The Resource Groups Tagging API, 2017-01-26 (json protocol): the tagged resources of every Lanyard cloud service. */
export const TAGGING_SERVICE: ServiceDefinition = {
  signingName: 'tagging',
  eventSource: 'tagging.amazonaws.com',
  model: MODELS.resourcegroupstaggingapi,
  denied: accessDeniedException,
  operations: retryingOperations(
    {
      GetResources: getResources,
      GetTagKeys: getTagKeys,
      GetTagValues: getTagValues,
      TagResources: tagResources,
      UntagResources: untagResources,
    },
    () =>
      new AwsError(
        'InternalServiceException',
        500,
        'An internal error occurred. Retry the request.',
        'Receiver',
      ),
  ),
}
