/** The six components of an ARN: `arn:partition:service:region:account:resource`. */
export interface Arn {
  readonly partition: string
  readonly service: string
  readonly region: string
  readonly account: string
  /** Everything after the fifth colon; may itself contain `:` and `/`. */
  readonly resource: string
}

/** Partitions AWS knows; any other is invalid in a policy resource. */
export const PARTITIONS: ReadonlySet<string> = new Set([
  'aws',
  'aws-cn',
  'aws-us-gov',
  'aws-iso',
  'aws-iso-b',
  'aws-iso-e',
  'aws-iso-f',
  'aws-eusc',
])

/** Splits `text` on its first five colons; `undefined` when it has fewer than five or does not start with `arn`. */
export function parseArn(text: string): Arn | undefined {
  const parts = splitArn(text)
  if (parts === undefined || parts[0] !== 'arn') return undefined
  return { partition: parts[1], service: parts[2], region: parts[3], account: parts[4], resource: parts[5] }
}

/** Splits `text` into six strings on its first five colons, or `undefined` when there are fewer. */
export function splitArn(text: string): [string, string, string, string, string, string] | undefined {
  const out: string[] = []
  let start = 0
  for (let i = 0; i < 5; i++) {
    const colon = text.indexOf(':', start)
    if (colon < 0) return undefined
    out.push(text.slice(start, colon))
    start = colon + 1
  }
  out.push(text.slice(start))
  return out as [string, string, string, string, string, string]
}

/** Formats an ARN from its components. */
export function formatArn(arn: Arn): string {
  return `arn:${arn.partition}:${arn.service}:${arn.region}:${arn.account}:${arn.resource}`
}

/** The 12-digit account ids AWS uses. */
export const ACCOUNT_ID = /^\d{12}$/
