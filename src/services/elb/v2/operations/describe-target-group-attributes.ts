import type { Operation } from '../../../operation.js'
import { elbAuthorization } from '../../authz.js'
import { loadTargetGroup } from '../loaders.js'
import { attributeShapes } from '../settings.js'

/** ELBv2 DescribeTargetGroupAttributes: the target group's attributes by key. */
export const describeTargetGroupAttributes: Operation = {
  readOnly: true,
  async authorize() {
    return [elbAuthorization('DescribeTargetGroupAttributes', '*')]
  },
  async run(ctx, input) {
    const tg = await loadTargetGroup(ctx, String(input.TargetGroupArn))
    return { Attributes: attributeShapes(tg.attributes.settings) }
  },
}
