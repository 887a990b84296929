import type { PolicyDocument, PrincipalBlock, Statement } from './document.js'
import { malformed, type PolicyIssue } from './issues.js'
import { childPath, policyText, readJson } from './parse-json.js'
import { MALFORMED } from './validate-messages.js'
import { checkSyntax, type RawPrincipal, type RawStatement } from './validate-syntax.js'

/** The outcome of parsing a policy document. */
export type ParseResult =
  | { readonly ok: true; readonly document: PolicyDocument }
  | { readonly ok: false; readonly issues: readonly PolicyIssue[] }

const EFFECTS: ReadonlySet<string> = new Set(['Allow', 'Deny'])

/**
 * Parses a policy document (JSON text or an already-parsed value) into a `PolicyDocument`: single values become
 * arrays, condition values become strings (numbers as written), an absent Version means 2008-10-17. Fails on
 * invalid JSON, duplicate keys, structural errors and an Effect not written `Allow` or `Deny`. Never throws.
 */
export function parsePolicy(input: string | unknown): ParseResult {
  try {
    const text = policyText(input)
    if (text === undefined) return { ok: false, issues: [malformed('', MALFORMED.syntax)] }
    const json = readJson(text)
    if (!json.ok) return { ok: false, issues: [malformed(json.path, MALFORMED.syntax)] }
    const syntax = checkSyntax(json.value)
    if (!syntax.ok) return syntax
    const badEffects = syntax.document.statements
      .filter((s) => !EFFECTS.has(s.effect))
      .map((s) => malformed(childPath(s.path, 'Effect'), MALFORMED.legacy))
    if (badEffects.length > 0) return { ok: false, issues: badEffects }
    const { version, id, statements } = syntax.document
    const document: PolicyDocument = {
      version: version ?? '2008-10-17',
      ...(id === undefined ? {} : { id }),
      statements: statements.map(toStatement),
    }
    return { ok: true, document }
  } catch {
    // CAUTION: unreachable by design; a defect must still not escape as an exception.
    return { ok: false, issues: [malformed('', MALFORMED.syntax)] }
  }
}

function toStatement(raw: RawStatement): Statement {
  const { index, sid, principal, notPrincipal, action, notAction, resource, notResource } = raw
  return {
    index,
    ...(sid === undefined ? {} : { sid }),
    effect: raw.effect as Statement['effect'],
    ...(principal === undefined ? {} : { principal: toPrincipal(principal) }),
    ...(notPrincipal === undefined ? {} : { notPrincipal: toPrincipal(notPrincipal) }),
    ...(action === undefined ? {} : { action }),
    ...(notAction === undefined ? {} : { notAction }),
    ...(resource === undefined ? {} : { resource }),
    ...(notResource === undefined ? {} : { notResource }),
    conditions: raw.conditions.map(({ operator, key, values }) => ({ operator, key, values })),
  }
}

function toPrincipal(raw: RawPrincipal): PrincipalBlock {
  if (raw.kind === 'any') return { kind: 'any' }
  const get = (type: string) => raw.entries.get(type) ?? []
  return {
    kind: 'map',
    aws: get('AWS'),
    service: get('Service'),
    federated: get('Federated'),
    canonicalUser: get('CanonicalUser'),
  }
}
