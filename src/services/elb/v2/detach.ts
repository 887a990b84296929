import type { Repositories } from '../../../store/index.js'
import type { ListenerRecord, TargetGroupRecord } from './loaders.js'
import type { TargetGroupAttributes } from './records.js'

/** The target group ARNs a listener's default actions forward to. */
export function forwardedTargetGroups(actions: readonly Readonly<Record<string, unknown>>[]): string[] {
  const arns = new Set<string>()
  for (const action of actions) {
    if (typeof action.TargetGroupArn === 'string') arns.add(action.TargetGroupArn)
    const config = action.ForwardConfig as { TargetGroups?: { TargetGroupArn?: string }[] } | undefined
    for (const group of config?.TargetGroups ?? []) if (group.TargetGroupArn) arns.add(group.TargetGroupArn)
  }
  return [...arns]
}

/** Records on each target group which listeners forward to it: `listener` is added to `attach` and removed from the others. */
export async function relinkTargetGroups(
  tx: Repositories,
  listenerArn: string,
  previous: readonly string[],
  next: readonly string[],
  at: Date,
): Promise<void> {
  for (const arn of new Set([...previous, ...next])) {
    const tg = (await tx.cloudResources.get<TargetGroupAttributes>(arn)) as TargetGroupRecord | undefined
    if (tg === undefined) continue
    const others = tg.attributes.listenerArns.filter((l) => l !== listenerArn)
    const listenerArns = next.includes(arn) ? [...others, listenerArn] : others
    await tx.cloudResources.update(arn, { attributes: { ...tg.attributes, listenerArns }, at })
  }
}

/** Deletes a listener and unlinks it from its target groups. */
export async function deleteListenerRecord(
  tx: Repositories,
  listener: ListenerRecord,
  at: Date,
): Promise<void> {
  await relinkTargetGroups(
    tx,
    listener.arn,
    forwardedTargetGroups(listener.attributes.defaultActions),
    [],
    at,
  )
  await tx.cloudResources.delete(listener.arn)
}
