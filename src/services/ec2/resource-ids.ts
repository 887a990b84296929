import type { RandomBytes } from '../../kernel/ids.js'

/** AWS: resource ids are the prefix, a dash and 17 lower-case hex digits (older ones 8). */
const ID_BODY = /^[0-9a-f]{8}$|^[0-9a-f]{17}$/

/** A new resource id: `prefix-` and 17 hex digits from `random`, e.g. `vpc-0a1b2c3d4e5f60718`. */
export function newResourceId(prefix: string, random: RandomBytes): string {
  return `${prefix}-${Buffer.from(random(9)).toString('hex').slice(0, 17)}`
}

/** Whether `id` has the form of an id with `prefix` (8 or 17 hex digits after the dash). */
export function isResourceId(prefix: string, id: string): boolean {
  return id.startsWith(`${prefix}-`) && ID_BODY.test(id.slice(prefix.length + 1))
}
