import type { Operation } from '../../../operation.js'
import { onResource } from '../../authz.js'
import { loadTargetGroup } from '../loaders.js'
import { applySettings, attributeShapes } from '../settings.js'

/** ELBv2 ModifyTargetGroupAttributes: sets attributes the target group has; answers them all. */
export const modifyTargetGroupAttributes: Operation = {
  async authorize(ctx, input) {
    return [
      onResource('ModifyTargetGroupAttributes', await loadTargetGroup(ctx, String(input.TargetGroupArn))),
    ]
  },
  async run(ctx, input) {
    const tg = await loadTargetGroup(ctx, String(input.TargetGroupArn))
    const settings = applySettings(tg.attributes.settings, input, 'Target group')
    await ctx.store.cloudResources.update(
      tg.arn,
      { attributes: { ...tg.attributes, settings }, at: ctx.now },
      tg.revision,
    )
    return { Attributes: attributeShapes(settings) }
  },
}
