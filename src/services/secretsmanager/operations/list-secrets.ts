import { createHash } from 'node:crypto'
import type { Operation, OperationContext } from '../../operation.js'
import { invalidNextToken } from '../errors.js'
import { matchesFilters, type SecretFilter } from '../list-filters.js'
import { toListEntry } from '../mappers.js'
import { callerAccount, SECRET_KIND, type Secret, type SecretAttributes } from '../secret.js'

const PAGE = 1000

/** Every secret of the caller's account in the request's region. */
async function allSecrets(ctx: OperationContext): Promise<Secret[]> {
  const out: Secret[] = []
  let after: string | undefined
  do {
    const page = await ctx.store.cloudResources.list<SecretAttributes>({
      accountId: callerAccount(ctx),
      region: ctx.region,
      ...SECRET_KIND,
      limit: PAGE,
      ...(after ? { after } : {}),
    })
    out.push(...page.items)
    after = page.next
  } while (after !== undefined)
  return out
}

const fingerprint = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 12)

/** Secrets Manager ListSecrets: the secrets not scheduled for deletion, by CreatedDate, filtered and paged. */
export const listSecrets: Operation = {
  readOnly: true,
  async authorize() {
    return [{ action: 'secretsmanager:ListSecrets', resource: '*' }]
  },
  async run(ctx, input) {
    const filters = (input.Filters as SecretFilter[] | undefined) ?? []
    const order = input.SortOrder === 'desc' ? -1 : 1
    const parameters = fingerprint(JSON.stringify([filters, order]))
    const offset = input.NextToken === undefined ? 0 : decodeToken(String(input.NextToken), parameters)
    const max = (input.MaxResults as number | undefined) ?? 100
    const now = ctx.now.getTime()
    const secrets = (await allSecrets(ctx))
      .filter((s) => s.attributes.deletedDate === undefined)
      .filter((s) => s.attributes.deletionDate === undefined || Date.parse(s.attributes.deletionDate) > now)
      .filter((s) => matchesFilters(s, filters))
      .sort(
        (a, b) =>
          order *
          (a.attributes.createdDate.localeCompare(b.attributes.createdDate) || a.id.localeCompare(b.id)),
      )
    const page = secrets.slice(offset, offset + max)
    const next = offset + max < secrets.length ? encodeToken(offset + max, parameters) : undefined
    return { SecretList: page.map(toListEntry), ...(next ? { NextToken: next } : {}) }
  },
}

const encodeToken = (offset: number, parameters: string): string =>
  Buffer.from(JSON.stringify({ o: offset, p: parameters })).toString('base64url')

function decodeToken(token: string, parameters: string): number {
  try {
    const { o, p } = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as {
      o?: unknown
      p?: unknown
    }
    if (typeof o === 'number' && Number.isInteger(o) && o >= 0 && p === parameters) return o
  } catch {
    // falls through to the error
  }
  throw invalidNextToken()
}
