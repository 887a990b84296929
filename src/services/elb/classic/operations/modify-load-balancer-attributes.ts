import type { Operation } from '../../../operation.js'
import { onResource } from '../../authz.js'
import { loadNamed, saveClassic } from '../loader.js'
import type { ClassicSettings } from '../records.js'

type Additional = ClassicSettings['AdditionalAttributes']

const mergeAdditional = (current: Additional, given: Additional | undefined): Additional => {
  const merged = new Map(current.map((a) => [a.Key, a.Value]))
  for (const a of given ?? []) merged.set(a.Key, a.Value)
  return [...merged].map(([Key, Value]) => ({ Key, Value }))
}

/** ELB ModifyLoadBalancerAttributes: replaces the attribute groups given (AdditionalAttributes by key). */
export const modifyLoadBalancerAttributes: Operation = {
  async authorize(ctx, input) {
    return [onResource('ModifyLoadBalancerAttributes', await loadNamed(ctx, input))]
  },
  async run(ctx, input) {
    const lb = await loadNamed(ctx, input)
    const given = (input.LoadBalancerAttributes ?? {}) as Partial<ClassicSettings>
    const current = lb.attributes.settings
    const settings: ClassicSettings = {
      CrossZoneLoadBalancing: given.CrossZoneLoadBalancing ?? current.CrossZoneLoadBalancing,
      AccessLog: given.AccessLog ?? current.AccessLog,
      ConnectionDraining: given.ConnectionDraining
        ? { Timeout: current.ConnectionDraining.Timeout ?? 300, ...given.ConnectionDraining }
        : current.ConnectionDraining,
      ConnectionSettings: given.ConnectionSettings ?? current.ConnectionSettings,
      AdditionalAttributes: mergeAdditional(current.AdditionalAttributes, given.AdditionalAttributes),
    }
    await saveClassic(ctx, lb, Object.assign({}, lb.attributes, { settings }))
    // AWS: the answer echoes the attribute groups the call gave.
    return { LoadBalancerName: lb.attributes.name, LoadBalancerAttributes: given }
  },
}
