import type { CloudResourceRecord } from '../../../store/index.js'
import type { Operation, OperationContext } from '../../operation.js'
import { onResource } from '../authz.js'
import { applySettings, attributeShapes } from './settings.js'

/** A load balancer or a target group: whatever keeps its attributes in `settings`. */
type WithSettings = { readonly settings: Readonly<Record<string, string>> }

/**
 * ModifyLoadBalancerAttributes and ModifyTargetGroupAttributes: `action` on the resource `load` finds, which
 * sets the attributes it has (`noun` in the error for any other) and answers them all.
 */
export function modifySettingsOperation<A extends WithSettings>(
  action: string,
  noun: 'Load balancer' | 'Target group',
  load: (ctx: OperationContext, input: Record<string, unknown>) => Promise<CloudResourceRecord<A>>,
): Operation {
  return {
    async authorize(ctx, input) {
      return [onResource(action, await load(ctx, input))]
    },
    async run(ctx, input) {
      const resource = await load(ctx, input)
      const settings = applySettings(resource.attributes.settings, input, noun)
      await ctx.store.cloudResources.update(
        resource.arn,
        { attributes: Object.assign({}, resource.attributes, { settings }), at: ctx.now },
        resource.revision,
      )
      return { Attributes: attributeShapes(settings) }
    },
  }
}
