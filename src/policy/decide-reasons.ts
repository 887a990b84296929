import type { Decision, MatchedStatement, StatementRef } from './decision.js'

/** Flag: the list holds a Deny. */
export const DENY = 1
/** Flag: an identity, boundary or session policy holds an Allow. */
export const ALLOW = 2
/** Flag: the resource policy allows the caller by a direct principal match. */
export const DIRECT = 4
/** Flag: the resource policy allows the caller by a role-ARN (or parent-user) match. */
export const ROLE = 8
/** Flag: the resource policy allows the caller's account only. */
export const ACCOUNT = 16
/** Every resource-policy Allow flag. */
export const ANY_RESOURCE_ALLOW = DIRECT | ROLE | ACCOUNT

/** Summarizes matched statements as flags; `resource` classifies Allows by their principal match. */
export function flagsOf(matches: readonly MatchedStatement[], resource: boolean): number {
  let flags = 0
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i]!
    if (m.effect === 'Deny') flags |= DENY
    else if (!resource) flags |= ALLOW
    else flags |= principalFlag(m)
  }
  return flags
}

/** The resource-policy flag of one Allow statement; a statement without Principal grants nothing there. */
export function principalFlag(m: MatchedStatement): number {
  switch (m.principalMatch) {
    case 'direct':
      return DIRECT
    case 'role':
      return ROLE
    case 'account':
      return ACCOUNT
    default:
      return 0
  }
}

const LABELS = { identity: [] as string[], boundary: [] as string[], session: [] as string[] }
for (let i = 0; i < 32; i++) {
  LABELS.identity.push(`identity[${i}]`)
  LABELS.boundary.push(`boundary[${i}]`)
  LABELS.session.push(`session[${i}]`)
}

/** The label of the i-th policy of a layer: `identity[0]`, `boundary[1]`, `session[2]`. */
export function layerLabel(layer: 'identity' | 'boundary' | 'session', i: number): string {
  return LABELS[layer][i] ?? `${layer}[${i}]`
}

/**
 * Appends a StatementRef for every statement of `matches` with `effect`; for the resource policy only
 * the Allows whose principal flag is in `kinds` (Denies always count).
 */
export function pushRefs(
  out: StatementRef[],
  label: string,
  matches: readonly MatchedStatement[],
  effect: 'Allow' | 'Deny',
  kinds: number,
): void {
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i]!
    if (m.effect !== effect) continue
    if (kinds !== 0 && effect === 'Allow' && (principalFlag(m) & kinds) === 0) continue
    out.push({ policy: label, statement: m.statement, sid: m.sid, effect: m.effect })
  }
}

const NO_REASONS: readonly StatementRef[] = Object.freeze([])

/** The shared implicit-deny answer; it carries no reasons. */
export const IMPLICIT_DENY: Decision = Object.freeze({ effect: 'ImplicitDeny', reasons: NO_REASONS })
