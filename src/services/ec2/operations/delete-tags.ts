import type { Operation } from '../../operation.js'
import { regionContext } from '../authz.js'
import { updateResource } from '../resource-store.js'
import { existingTarget, taggedTarget } from '../tagged-resource.js'
import { resourceTagContext } from '../tags.js'

interface TagToDelete {
  readonly Key?: string
  readonly Value?: string
}

/**
 * EC2 DeleteTags: removes tags by key, or by key and value when a value is given (an empty value removes only a
 * tag whose value is empty); without Tags, every tag.
 */
export const deleteTags: Operation = {
  async authorize(ctx, input) {
    const keys = ((input.Tags ?? []) as TagToDelete[]).map((t) => t.Key ?? '')
    const targets = await Promise.all((input.Resources as string[]).map((id) => taggedTarget(ctx, id)))
    return targets.map((target) => ({
      action: 'ec2:DeleteTags',
      resource: target.arn,
      context: Object.assign(
        regionContext(ctx),
        resourceTagContext(target.record?.tags ?? []),
        keys.length > 0 ? { 'aws:TagKeys': keys } : {},
      ),
    }))
  },
  async run(ctx, input) {
    const doomed = input.Tags as TagToDelete[] | undefined
    const targets = await Promise.all((input.Resources as string[]).map((id) => taggedTarget(ctx, id)))
    for (const record of targets.map(existingTarget)) {
      await updateResource(ctx, record, (current) => ({
        tags:
          doomed === undefined
            ? []
            : current.tags.filter(
                (tag) =>
                  !doomed.some((d) => d.Key === tag.key && (d.Value === undefined || d.Value === tag.value)),
              ),
      }))
    }
    return {}
  },
}
