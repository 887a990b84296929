import type { MfaDeviceRecord, MfaDeviceRepository } from '../ports/index.js'
import type { Sealer } from '../secrets/index.js'
import { iso, nameKey, opt, parseTags, tagsJson, time, timeOrUndefined } from './columns.js'
import { guard, type RepoContext } from './context.js'
import type { Database } from './database.js'
import { afterCursor, decodeCursor, toPage } from './paging.js'

/** The sealing context binds a sealed seed to its device. */
const context = (serial: string) => `mfa-device:${serial}`

const toDevice = (sealer: Sealer, row: Database['mfa_devices']): MfaDeviceRecord => ({
  serialNumber: row.serial_number,
  accountId: row.account_id,
  name: row.name,
  path: row.path,
  seed: sealer.open(row.seed_sealed, context(row.serial_number)),
  userId: opt(row.user_id),
  enabledAt: timeOrUndefined(row.enabled_at),
  lastCounter: row.last_counter === null ? undefined : Number(row.last_counter),
  tags: parseTags(row.tags),
  createdAt: time(row.created_at),
})

/** Virtual MFA devices over Kysely, with seeds sealed at rest. */
export function mfaDeviceRepository(ctx: RepoContext): MfaDeviceRepository {
  const { db, sealer } = ctx
  const changed = (result: { numUpdatedRows: bigint }) => result.numUpdatedRows > 0n
  return {
    insert: (device) =>
      guard(ctx, 'MFA device', async () => {
        const row: Database['mfa_devices'] = {
          serial_number: device.serialNumber,
          account_id: device.accountId,
          name: device.name,
          name_key: nameKey(device.name),
          path: device.path,
          seed_sealed: sealer.seal(device.seed, context(device.serialNumber)),
          user_id: null,
          enabled_at: null,
          last_counter: null,
          tags: tagsJson(device.tags),
          created_at: iso(device.createdAt),
        }
        await db.insertInto('mfa_devices').values(row).execute()
        return toDevice(sealer, row)
      }),
    get: (serialNumber) =>
      guard(ctx, 'MFA device', async () => {
        const row = await db
          .selectFrom('mfa_devices')
          .selectAll()
          .where('serial_number', '=', serialNumber)
          .executeTakeFirst()
        return row && toDevice(sealer, row)
      }),
    list: (accountId, { assignment, after, limit }) =>
      guard(ctx, 'MFA device', async () => {
        const cursor = decodeCursor(after)
        const rows = await db
          .selectFrom('mfa_devices')
          .selectAll()
          .where('account_id', '=', accountId)
          .$if(assignment === 'assigned', (q) => q.where('user_id', 'is not', null))
          .$if(assignment === 'unassigned', (q) => q.where('user_id', 'is', null))
          .$if(cursor !== undefined, (q) =>
            q.where((eb) => afterCursor(eb, 'name_key', 'serial_number', cursor!)),
          )
          .orderBy('name_key')
          .limit(limit + 1)
          .execute()
        return toPage(
          rows,
          limit,
          (r) => [r.name_key, r.serial_number],
          (r) => toDevice(sealer, r),
        )
      }),
    listForUser: (userId) =>
      guard(ctx, 'MFA device', async () => {
        const rows = await db
          .selectFrom('mfa_devices')
          .selectAll()
          .where('user_id', '=', userId)
          .orderBy('enabled_at')
          .orderBy('serial_number')
          .execute()
        return rows.map((r) => toDevice(sealer, r))
      }),
    enable: (serialNumber, userId, at, counter) =>
      guard(ctx, 'MFA device', async () =>
        changed(
          await db
            .updateTable('mfa_devices')
            .set({ user_id: userId, enabled_at: iso(at), last_counter: counter })
            .where('serial_number', '=', serialNumber)
            .where('user_id', 'is', null)
            .executeTakeFirst(),
        ),
      ),
    deactivate: (serialNumber) =>
      guard(ctx, 'MFA device', async () =>
        changed(
          await db
            .updateTable('mfa_devices')
            .set({ user_id: null, enabled_at: null })
            .where('serial_number', '=', serialNumber)
            .executeTakeFirst(),
        ),
      ),
    acceptCounter: (serialNumber, counter) =>
      guard(ctx, 'MFA device', async () =>
        changed(
          await db
            .updateTable('mfa_devices')
            .set({ last_counter: counter })
            .where('serial_number', '=', serialNumber)
            .where((eb) => eb.or([eb('last_counter', 'is', null), eb('last_counter', '<', counter)]))
            .executeTakeFirst(),
        ),
      ),
    setTags: (serialNumber, tags) =>
      guard(ctx, 'MFA device', async () =>
        changed(
          await db
            .updateTable('mfa_devices')
            .set({ tags: tagsJson(tags) })
            .where('serial_number', '=', serialNumber)
            .executeTakeFirst(),
        ),
      ),
    delete: (serialNumber) =>
      guard(ctx, 'MFA device', async () => {
        const result = await db
          .deleteFrom('mfa_devices')
          .where('serial_number', '=', serialNumber)
          .executeTakeFirst()
        return result.numDeletedRows > 0n
      }),
  }
}
