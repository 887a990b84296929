import type { Operation } from '../../operation.js'
import { zoneAuthorization } from '../authz.js'
import { bareZoneId, normalizeName, wireName } from '../names.js'
import { compareRecords, type RecordSet, toRecordShape } from '../records.js'
import { requireZone } from '../zone.js'

/** Route 53 ListResourceRecordSets: records in AWS's order, 300 a page by default, from StartRecordName/Type on. */
export const listResourceRecordSets: Operation = {
  readOnly: true,
  async authorize(_ctx, input) {
    return [zoneAuthorization('ListResourceRecordSets', bareZoneId(input.HostedZoneId))]
  },
  async run(ctx, input) {
    const zone = await requireZone(ctx, bareZoneId(input.HostedZoneId))
    const max = (input.MaxItems as number | undefined) ?? 300
    const start: RecordSet | undefined =
      input.StartRecordName === undefined
        ? undefined
        : {
            name: normalizeName(String(input.StartRecordName)),
            type: (input.StartRecordType as string | undefined) ?? '',
            ...(input.StartRecordIdentifier !== undefined
              ? { setIdentifier: String(input.StartRecordIdentifier) }
              : {}),
          }
    const records = [...zone.attributes.records]
      .sort(compareRecords)
      .filter((r) => start === undefined || compareRecords(r, start) >= 0)
    const page = records.slice(0, max)
    const next = records[max]
    return {
      ResourceRecordSets: page.map((r) => toRecordShape(r, wireName)),
      IsTruncated: next !== undefined,
      NextRecordName: next && wireName(next.name),
      NextRecordType: next?.type,
      NextRecordIdentifier: next?.setIdentifier,
      MaxItems: max,
    }
  },
}
