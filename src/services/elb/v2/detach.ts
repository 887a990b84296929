import type { Repositories } from '../../../store/index.js'
import type { ListenerRecord, RuleRecord, TargetGroupRecord } from './loaders.js'
import type { TargetGroupAttributes } from './records.js'

/** The target group ARNs a listener's or rule's actions forward to. */
export function forwardedTargetGroups(actions: readonly Readonly<Record<string, unknown>>[]): string[] {
  const arns = new Set<string>()
  for (const action of actions) {
    if (typeof action.TargetGroupArn === 'string') arns.add(action.TargetGroupArn)
    const config = action.ForwardConfig as { TargetGroups?: { TargetGroupArn?: string }[] } | undefined
    for (const group of config?.TargetGroups ?? []) if (group.TargetGroupArn) arns.add(group.TargetGroupArn)
  }
  return [...arns]
}

/**
 * Records on each target group which listeners and rules (`owner`) forward to it: `owner` is added to the
 * groups of `next` and removed from those of `previous`.
 */
export async function relinkTargetGroups(
  tx: Repositories,
  owner: string,
  previous: readonly string[],
  next: readonly string[],
  at: Date,
): Promise<void> {
  for (const arn of new Set([...previous, ...next])) {
    const tg = (await tx.cloudResources.get<TargetGroupAttributes>(arn)) as TargetGroupRecord | undefined
    if (tg === undefined) continue
    const others = tg.attributes.listenerArns.filter((l) => l !== owner)
    const listenerArns = next.includes(arn) ? [...others, owner] : others
    await tx.cloudResources.update(arn, {
      attributes: Object.assign({}, tg.attributes, { listenerArns }),
      at,
    })
  }
}

/** Deletes a rule and unlinks it from its target groups. */
export async function deleteRuleRecord(tx: Repositories, rule: RuleRecord, at: Date): Promise<void> {
  await relinkTargetGroups(tx, rule.arn, forwardedTargetGroups(rule.attributes.actions), [], at)
  await tx.cloudResources.delete(rule.arn)
}

/** Deletes a listener with its rules (`rules`, read before) and unlinks them from their target groups. */
export async function deleteListenerRecord(
  tx: Repositories,
  listener: ListenerRecord,
  rules: readonly RuleRecord[],
  at: Date,
): Promise<void> {
  for (const rule of rules) await deleteRuleRecord(tx, rule, at)
  await relinkTargetGroups(
    tx,
    listener.arn,
    forwardedTargetGroups(listener.attributes.defaultActions),
    [],
    at,
  )
  await tx.cloudResources.delete(listener.arn)
}
