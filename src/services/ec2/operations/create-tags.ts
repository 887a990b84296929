import { AwsError } from '../../../kernel/aws-error.js'
import type { Operation } from '../../operation.js'
import { regionContext } from '../authz.js'
import { updateResource } from '../resource-store.js'
import { existingTarget, taggedTarget } from '../tagged-resource.js'
import {
  MAX_TAGS,
  requestTagContext,
  requestTags,
  resourceTagContext,
  type TagSpecification,
  withTags,
} from '../tags.js'

/** EC2 CreateTags: adds or overwrites tags on resources of any taggable type. */
export const createTags: Operation = {
  async authorize(ctx, input) {
    const tags = requestTags(input.Tags as TagSpecification['Tags'])
    const targets = await Promise.all((input.Resources as string[]).map((id) => taggedTarget(ctx, id)))
    return targets.map((target) => ({
      action: 'ec2:CreateTags',
      resource: target.arn,
      context: Object.assign(
        regionContext(ctx),
        resourceTagContext(target.record?.tags ?? []),
        requestTagContext(tags),
      ),
    }))
  },
  async run(ctx, input) {
    const tags = requestTags(input.Tags as TagSpecification['Tags'])
    const targets = await Promise.all((input.Resources as string[]).map((id) => taggedTarget(ctx, id)))
    const records = targets.map(existingTarget)
    for (const record of records) {
      await updateResource(ctx, record, (current) => {
        const next = withTags(current.tags, tags)
        // AWS: TagLimitExceeded once a resource would carry more than 50 tags.
        if (next.length > MAX_TAGS)
          throw new AwsError(
            'TagLimitExceeded',
            400,
            'The maximum number of Tags for a resource has been reached.',
          )
        return { tags: next }
      })
    }
    return {}
  },
}
