import type { Operation } from '../../../operation.js'
import { loadTargetGroup } from '../loaders.js'
import { modifySettingsOperation } from '../modify-settings.js'

/** ELBv2 ModifyTargetGroupAttributes: sets attributes the target group has; answers them all. */
export const modifyTargetGroupAttributes: Operation = modifySettingsOperation(
  'ModifyTargetGroupAttributes',
  'Target group',
  (ctx, input) => loadTargetGroup(ctx, String(input.TargetGroupArn)),
)
