/** A DNS name as Route 53 keeps it: lower case, with a trailing dot, `\052` for a leading `*`. */
export function normalizeName(name: string): string {
  const lowered = name.toLowerCase().replace(/^\\052/, '*')
  return lowered.endsWith('.') ? lowered : `${lowered}.`
}

/** Route 53 returns a wildcard label as `\052`. */
export const wireName = (name: string): string => name.replace(/^\*/, '\\052')

/** The labels of a name from the root: `www.example.com.` → `com.example.www`, the order Route 53 lists in. */
export const sortKey = (name: string): string => name.replace(/\.$/, '').split('.').reverse().join('.')

/** Whether `name` is `zone` or below it. */
export const inZone = (name: string, zone: string): boolean => name === zone || name.endsWith(`.${zone}`)

/** A hosted zone id from `Z123` or `/hostedzone/Z123`. */
export const bareZoneId = (id: unknown): string => String(id).replace(/^\/?hostedzone\//, '')

/** A change id from `C123` or `/change/C123`. */
export const bareChangeId = (id: unknown): string => String(id).replace(/^\/?change\//, '')

/**
 * A record name as `route53:ChangeResourceRecordSetsNormalizedRecordNames` carries it: lower case, no trailing
 * dot, and every character but `a-z 0-9 - _ .` written as `\` and three octal digits (`*` is `\052`).
 * @see https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/specifying-conditions-route53.html
 */
export function conditionRecordName(name: string): string {
  return normalizeName(name)
    .replace(/\.$/, '')
    .replace(/[^a-z0-9\-_.]/g, (c) => `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`)
}
