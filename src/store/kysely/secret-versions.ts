import type { SecretValue, SecretVersionRecord, SecretVersionRepository } from '../ports/index.js'
import type { Sealer } from '../secrets/index.js'
import { iso, time } from './columns.js'
import { guard, type RepoContext } from './context.js'
import type { Database } from './database.js'

type Row = Database['secret_versions']

const ENTITY = 'secret version'

/** The sealing context binds a sealed value to its secret and version. */
const context = (arn: string, versionId: string) => `secret-version:${arn}:${versionId}`

/** The sealed text: `s` holds a string value, `b` the base64 of a binary one. */
const seal = (sealer: Sealer, arn: string, versionId: string, value: SecretValue): string =>
  sealer.seal(
    JSON.stringify(
      'string' in value ? { s: value.string } : { b: Buffer.from(value.binary).toString('base64') },
    ),
    context(arn, versionId),
  )

const toRecord = (sealer: Sealer, row: Row): SecretVersionRecord => {
  const plain = JSON.parse(sealer.open(row.value_sealed, context(row.arn, row.version_id))) as {
    s?: string
    b?: string
  }
  return {
    arn: row.arn,
    versionId: row.version_id,
    value:
      plain.s !== undefined
        ? { string: plain.s }
        : { binary: new Uint8Array(Buffer.from(plain.b ?? '', 'base64')) },
    createdAt: time(row.created_at),
  }
}

/** Secrets Manager secret versions over Kysely, values sealed with the master key. */
export function secretVersionRepository(ctx: RepoContext): SecretVersionRepository {
  const { db, sealer } = ctx
  return {
    put: (version) =>
      guard(ctx, ENTITY, async () => {
        await db
          .insertInto('secret_versions')
          .values({
            arn: version.arn,
            version_id: version.versionId,
            value_sealed: seal(sealer, version.arn, version.versionId, version.value),
            created_at: iso(version.createdAt),
          })
          .execute()
      }),
    get: (arn, versionId) =>
      guard(ctx, ENTITY, async () => {
        const row = await db
          .selectFrom('secret_versions')
          .selectAll()
          .where('arn', '=', arn)
          .where('version_id', '=', versionId)
          .executeTakeFirst()
        return row && toRecord(sealer, row)
      }),
    delete: (arn, versionIds) =>
      guard(ctx, ENTITY, async () => {
        if (versionIds.length === 0) return 0
        const result = await db
          .deleteFrom('secret_versions')
          .where('arn', '=', arn)
          .where('version_id', 'in', [...versionIds])
          .executeTakeFirst()
        return Number(result.numDeletedRows)
      }),
  }
}
