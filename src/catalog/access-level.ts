/** The access levels of the Service Authorization Reference. */
export type AccessLevel = 'List' | 'Read' | 'Write' | 'Permissions management' | 'Tagging'

/** Every access level, in the order the IAM console lists them in a policy summary. */
export const ACCESS_LEVELS: readonly AccessLevel[] = [
  'List',
  'Read',
  'Write',
  'Permissions management',
  'Tagging',
]

/**
 * The access level of an action from iam-data's `accessLevel` text.
 * AWS: the Service Authorization Reference gives every action one level; iam-data joins the
 * machine-readable reference's flags instead (`Permissions management, Write`, `Tagging, Write`),
 * and the more specific level is the one the reference tables show.
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
 */
export function toAccessLevel(raw: string): AccessLevel {
  let level = READ_LEVELS.get(raw)
  if (!level) {
    level = readAccessLevel(raw)
    READ_LEVELS.set(raw, level)
  }
  return level
}

// The data holds a handful of distinct texts for 20,000+ actions; each is read once.
const READ_LEVELS = new Map<string, AccessLevel>()

function readAccessLevel(raw: string): AccessLevel {
  const named = raw.split(',').map((part) => part.trim())
  if (named.includes('Permissions management')) return 'Permissions management'
  if (named.includes('Tagging')) return 'Tagging'
  for (const level of ACCESS_LEVELS) if (named.includes(level)) return level
  // CAUTION: every action in the data names at least one level; Write is the reference's catch-all.
  return 'Write'
}
