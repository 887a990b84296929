import { ACCOUNT_ID, parseArn } from '../../kernel/arn.js'
import { MALFORMED } from '../../policy/index.js'
import type { Repositories } from '../../store/index.js'
import { roleArn, userArn } from './arns.js'
import { malformedPolicyDocument } from './errors.js'
import { requireValidPolicy } from './policy-documents.js'

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type Mapper = (value: string) => Promise<string>

const ENTITY = /^(user|role)(\/(?:.*\/)?)([^/]+)$/
const UNIQUE_ID = /^A(IDA|ROA)[A-Z0-9]{12,}$/
/** Statement members whose one-element arrays IAM returns as scalars. */
const COLLAPSED = ['Action', 'NotAction'] as const

/**
 * Validates a submitted trust policy and returns the form IAM keeps: minified, one-element arrays written as
 * scalars, an account id as its `:root` ARN, and each named user or role of a hosted account replaced by its
 * unique id. A user or role that does not exist is `Invalid principal in policy`.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
 */
export async function prepareTrustPolicy(
  store: Repositories,
  account: string,
  text: string,
): Promise<string> {
  requireValidPolicy(text, 'trust', { accountId: account })
  return rewrite(JSON.parse(text) as Json, (value) => toStored(store, value))
}

/** A stored trust policy as IAM returns it: unique ids of users and roles that still exist shown as their ARNs. */
export async function presentTrustPolicy(store: Repositories, stored: string): Promise<string> {
  return rewrite(JSON.parse(stored) as Json, (value) => toShown(store, value))
}

/** AWS: a trust policy names a principal by its unique id, so a re-created entity of the same name is not trusted. */
async function toStored(store: Repositories, value: string): Promise<string> {
  if (ACCOUNT_ID.test(value)) return `arn:aws:iam::${value}:root`
  const arn = parseArn(value)
  const match = arn?.service === 'iam' ? ENTITY.exec(arn.resource) : null
  if (arn === undefined || match === null) return value
  // Principals of accounts this Lanyard does not host cannot be checked; they are kept as written.
  if ((await store.accounts.get(arn.account)) === undefined) return value
  const [, kind, path, name] = match as unknown as [string, 'user' | 'role', string, string]
  const entity =
    kind === 'user'
      ? await store.users.getByName(arn.account, name)
      : await store.roles.getByName(arn.account, name)
  // As the policy engine matches principals: an ARN without a path names the entity whatever its path.
  if (entity === undefined || entity.name !== name || (path !== '/' && entity.path !== path))
    throw malformedPolicyDocument(MALFORMED.invalidPrincipal('AWS', value))
  return entity.id
}

/** AWS: the id of a deleted entity is shown as it is. */
async function toShown(store: Repositories, value: string): Promise<string> {
  if (!UNIQUE_ID.test(value)) return value
  if (value.startsWith('AIDA')) {
    const user = await store.users.get(value)
    return user === undefined ? value : userArn(user.accountId, user.path, user.name)
  }
  const role = await store.roles.get(value)
  return role === undefined ? value : roleArn(role.accountId, role.path, role.name)
}

async function rewrite(document: Json, map: Mapper): Promise<string> {
  if (isObject(document)) {
    const statements = document.Statement
    if (Array.isArray(statements)) {
      for (const statement of statements) if (isObject(statement)) await rewriteStatement(statement, map)
    } else if (isObject(statements)) await rewriteStatement(statements, map)
  }
  return JSON.stringify(document)
}

async function rewriteStatement(statement: { [key: string]: Json }, map: Mapper): Promise<void> {
  for (const key of COLLAPSED) if (key in statement) statement[key] = collapse(statement[key]!)
  const principal = statement.Principal
  if (isObject(principal)) {
    for (const [type, values] of Object.entries(principal)) {
      if (type !== 'AWS') {
        principal[type] = collapse(values)
        continue
      }
      const list = Array.isArray(values) ? values : [values]
      const mapped: Json[] = []
      for (const value of list) mapped.push(typeof value === 'string' ? await map(value) : value)
      principal[type] = collapse(mapped)
    }
  }
  const condition = statement.Condition
  if (isObject(condition)) {
    for (const block of Object.values(condition)) {
      if (!isObject(block)) continue
      for (const [key, values] of Object.entries(block)) block[key] = collapse(values)
    }
  }
}

function collapse(value: Json): Json {
  return Array.isArray(value) && value.length === 1 ? value[0]! : value
}

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
