import type { Operation } from '../../operation.js'
import { zoneAuthorization } from '../authz.js'
import { recordChange } from '../changes.js'
import { bareZoneId, conditionRecordName } from '../names.js'
import { applyChanges, type RecordChange, readRecord } from '../records.js'
import { requireZone, type ZoneAttributes } from '../zone.js'

type WireChange = { Action?: string; ResourceRecordSet?: Record<string, unknown> }

const wireChanges = (input: Record<string, unknown>): WireChange[] =>
  ((input.ChangeBatch as { Changes?: WireChange[] } | undefined)?.Changes ?? []) as WireChange[]

/** Route 53 ChangeResourceRecordSets: CREATE, DELETE and UPSERT applied together or not at all. */
export const changeResourceRecordSets: Operation = {
  async authorize(_ctx, input) {
    const changes = wireChanges(input)
    return [
      zoneAuthorization('ChangeResourceRecordSets', bareZoneId(input.HostedZoneId), {
        'route53:ChangeResourceRecordSetsActions': [...new Set(changes.map((c) => String(c.Action)))],
        'route53:ChangeResourceRecordSetsNormalizedRecordNames': [
          ...new Set(changes.map((c) => conditionRecordName(String(c.ResourceRecordSet?.Name ?? '')))),
        ],
        'route53:ChangeResourceRecordSetsRecordTypes': [
          ...new Set(changes.map((c) => String(c.ResourceRecordSet?.Type ?? ''))),
        ],
      }),
    ]
  },
  async run(ctx, input) {
    const zone = await requireZone(ctx, bareZoneId(input.HostedZoneId))
    const changes: RecordChange[] = wireChanges(input).map((c) => ({
      action: c.Action as RecordChange['action'],
      record: readRecord(String(c.Action), (c.ResourceRecordSet ?? {}) as Parameters<typeof readRecord>[1]),
    }))
    const records = applyChanges(
      { id: zone.id, name: zone.attributes.name, records: zone.attributes.records },
      changes,
    )
    const comment = (input.ChangeBatch as { Comment?: string } | undefined)?.Comment
    const change = await ctx.store.transaction(async (tx) => {
      const attributes: ZoneAttributes = Object.assign({}, zone.attributes, { records })
      await tx.cloudResources.update(zone.arn, { attributes, at: ctx.now }, zone.revision)
      return recordChange(ctx, tx, comment)
    })
    return { ChangeInfo: change }
  },
}
