import { invalidChangeBatch, invalidInput } from './errors.js'
import { inZone, normalizeName, sortKey } from './names.js'

/** An alias record's target. */
export type AliasTarget = {
  readonly hostedZoneId: string
  readonly dnsName: string
  readonly evaluateTargetHealth: boolean
}

/** One resource record set as a hosted zone stores it. */
export type RecordSet = {
  readonly name: string
  readonly type: string
  readonly setIdentifier?: string
  readonly ttl?: number
  readonly values?: readonly string[]
  readonly alias?: AliasTarget
  readonly weight?: number
  readonly region?: string
  readonly failover?: string
  readonly multiValueAnswer?: boolean
  readonly healthCheckId?: string
}

/** One change of a ChangeBatch, read from the wire. */
export interface RecordChange {
  readonly action: 'CREATE' | 'DELETE' | 'UPSERT'
  readonly record: RecordSet
}

type WireRecord = Record<string, unknown> & {
  Name?: string
  Type?: string
  ResourceRecords?: { Value?: string }[]
  AliasTarget?: { HostedZoneId?: string; DNSName?: string; EvaluateTargetHealth?: boolean }
}

/** A wire ResourceRecordSet as a record set; InvalidInput when it has neither an alias nor TTL and records. */
export function readRecord(action: string, wire: WireRecord): RecordSet {
  const name = normalizeName(String(wire.Name ?? ''))
  const type = String(wire.Type ?? '')
  const alias = wire.AliasTarget
  const plain = wire.TTL !== undefined && wire.ResourceRecords !== undefined
  if ((alias === undefined) === !plain) {
    const found = alias !== undefined && plain ? 'both' : 'none'
    throw invalidInput(
      `Invalid request: Expected exactly one of [AliasTarget, all of [TTL, and ResourceRecords], or TrafficPolicyInstanceId], but found ${found} in Change with [Action=${action}, Name=${wire.Name}, Type=${type}, SetIdentifier=${wire.SetIdentifier ?? 'null'}]`,
    )
  }
  // Built member by member: sameValues compares records as JSON text, so the key order is kept.
  const record: { -readonly [K in keyof RecordSet]: RecordSet[K] } = { name, type }
  if (wire.SetIdentifier !== undefined) record.setIdentifier = String(wire.SetIdentifier)
  if (wire.Weight !== undefined) record.weight = Number(wire.Weight)
  if (wire.Region !== undefined) record.region = String(wire.Region)
  if (wire.Failover !== undefined) record.failover = String(wire.Failover)
  if (wire.MultiValueAnswer !== undefined) record.multiValueAnswer = Boolean(wire.MultiValueAnswer)
  if (wire.HealthCheckId !== undefined) record.healthCheckId = String(wire.HealthCheckId)
  if (alias !== undefined) {
    record.alias = {
      hostedZoneId: String(alias.HostedZoneId ?? ''),
      dnsName: normalizeName(String(alias.DNSName ?? '')),
      evaluateTargetHealth: alias.EvaluateTargetHealth === true,
    }
  } else {
    record.ttl = Number(wire.TTL)
    record.values = (wire.ResourceRecords ?? []).map((r) => String(r.Value ?? ''))
  }
  return record
}

/** The wire ResourceRecordSet of a record set. */
export function toRecordShape(
  record: RecordSet,
  wireName: (name: string) => string,
): Record<string, unknown> {
  return {
    Name: wireName(record.name),
    Type: record.type,
    SetIdentifier: record.setIdentifier,
    Weight: record.weight,
    Region: record.region,
    Failover: record.failover,
    MultiValueAnswer: record.multiValueAnswer,
    TTL: record.ttl,
    ResourceRecords: record.values?.map((Value) => ({ Value })),
    AliasTarget: record.alias && {
      HostedZoneId: record.alias.hostedZoneId,
      DNSName: wireName(record.alias.dnsName),
      EvaluateTargetHealth: record.alias.evaluateTargetHealth,
    },
    HealthCheckId: record.healthCheckId,
  }
}

const sameSet = (a: RecordSet, b: RecordSet): boolean =>
  a.name === b.name && a.type === b.type && (a.setIdentifier ?? '') === (b.setIdentifier ?? '')

const sameValues = (a: RecordSet, b: RecordSet): boolean =>
  JSON.stringify(Object.assign({}, a, { values: a.values && [...a.values].sort() })) ===
  JSON.stringify(Object.assign({}, b, { values: b.values && [...b.values].sort() }))

/** AWS's order of ListResourceRecordSets: by name with labels from the root, then type, then set identifier. */
export function compareRecords(a: RecordSet, b: RecordSet): number {
  const byName = sortKey(a.name).localeCompare(sortKey(b.name))
  if (byName !== 0) return byName
  return a.type.localeCompare(b.type) || (a.setIdentifier ?? '').localeCompare(b.setIdentifier ?? '')
}

const described = (r: RecordSet) =>
  `[name='${r.name}', type='${r.type}'${r.setIdentifier === undefined ? '' : `, set-identifier='${r.setIdentifier}'`}]`

/** The zone in which changes apply: its name, id and records. */
export interface ZoneView {
  readonly id: string
  readonly name: string
  readonly records: readonly RecordSet[]
}

/**
 * The records after a batch, applied in order and all or nothing; every problem is reported, as AWS does, in one
 * InvalidChangeBatch whose message lists them in brackets.
 */
export function applyChanges(zone: ZoneView, changes: readonly RecordChange[]): RecordSet[] {
  let records = [...zone.records]
  const problems: string[] = []
  for (const { action, record } of changes) {
    const existing = records.find((r) => sameSet(r, record))
    if (!inZone(record.name, zone.name)) {
      problems.push(`RRSet with DNS name ${record.name} is not permitted in zone ${zone.name}`)
      continue
    }
    const apexRequired = record.name === zone.name && (record.type === 'SOA' || record.type === 'NS')
    if (action === 'DELETE') {
      if (existing === undefined)
        problems.push(`Tried to delete resource record set ${described(record)} but it was not found`)
      else if (apexRequired)
        problems.push(
          record.type === 'NS'
            ? 'A HostedZone must contain at least one NS record for the zone itself.'
            : 'A HostedZone must contain exactly one SOA record.',
        )
      else if (!sameValues(existing, record))
        problems.push(
          `Tried to delete resource record set ${described(record)} but the values provided do not match the current values`,
        )
      else records = records.filter((r) => r !== existing)
      continue
    }
    if (action === 'CREATE' && existing !== undefined) {
      problems.push(`Tried to create resource record set ${described(record)} but it already exists`)
      continue
    }
    const problem = cnameProblem(zone, records, record) ?? aliasProblem(zone, records, record)
    if (problem !== undefined) {
      problems.push(problem)
      continue
    }
    records = [...records.filter((r) => r !== existing), record]
  }
  if (problems.length > 0) throw invalidChangeBatch(`[${problems.join(', ')}]`)
  return records.sort(compareRecords)
}

function cnameProblem(zone: ZoneView, records: readonly RecordSet[], record: RecordSet): string | undefined {
  if (record.type === 'CNAME' && record.name === zone.name)
    return `RRSet of type CNAME with DNS name ${record.name} is not permitted at apex in zone ${zone.name}`
  const others = records.filter((r) => r.name === record.name && !sameSet(r, record))
  const conflict =
    record.type === 'CNAME' ? others.some((r) => r.type !== 'CNAME') : others.some((r) => r.type === 'CNAME')
  if (conflict)
    return `RRSet of type ${record.type} with DNS name ${record.name} is not permitted as it conflicts with other records with the same DNS name in zone ${zone.name}`
  return undefined
}

function aliasProblem(zone: ZoneView, records: readonly RecordSet[], record: RecordSet): string | undefined {
  const alias = record.alias
  if (alias === undefined || alias.hostedZoneId !== zone.id) return undefined
  const found = records.some((r) => r.name === alias.dnsName && r.type === record.type)
  return found
    ? undefined
    : `Tried to create an alias that targets ${alias.dnsName}, type ${record.type} in zone ${zone.id}, but that target was not found`
}

/** The SOA and NS records every new zone starts with. */
export function defaultRecords(name: string, nameServers: readonly string[]): RecordSet[] {
  return [
    { name, type: 'NS', ttl: 172800, values: [...nameServers] },
    {
      name,
      type: 'SOA',
      ttl: 900,
      values: [`${nameServers[0]} awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400`],
    },
  ]
}
