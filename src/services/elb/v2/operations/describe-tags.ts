import type { Operation } from '../../../operation.js'
import { elbAuthorization } from '../../authz.js'
import { tagShapes } from '../../tags.js'
import { inputArns, loadTaggable } from '../taggable.js'

/** ELBv2 DescribeTags: the tags of each load balancer, target group or listener asked for. */
export const describeTags: Operation = {
  readOnly: true,
  async authorize() {
    return [elbAuthorization('DescribeTags', '*')]
  },
  async run(ctx, input) {
    const descriptions = []
    for (const arn of inputArns(input)) {
      const resource = await loadTaggable(ctx, arn)
      descriptions.push({ ResourceArn: resource.arn, Tags: tagShapes(resource.tags) })
    }
    return { TagDescriptions: descriptions }
  },
}
