import type { Zone } from './zone.js'

/** A HostedZone shape. */
export function toZoneShape(zone: Zone): Record<string, unknown> {
  const a = zone.attributes
  return {
    Id: `/hostedzone/${zone.id}`,
    Name: a.name,
    CallerReference: a.callerReference,
    Config: { PrivateZone: a.privateZone, ...(a.comment !== undefined ? { Comment: a.comment } : {}) },
    ResourceRecordSetCount: a.records.length,
  }
}

/** The DelegationSet of a public zone; private zones have none. */
export const toDelegationSet = (zone: Zone): Record<string, unknown> | undefined =>
  zone.attributes.privateZone ? undefined : { NameServers: [...zone.attributes.nameServers] }
