import type { Kysely } from 'kysely'
import type { Database } from './database.js'

/** Deletes the inline policies and attachments of a principal (rows without a foreign key to it). */
export async function deletePrincipalPolicies(db: Kysely<Database>, principalId: string): Promise<void> {
  await db.deleteFrom('inline_policies').where('principal_id', '=', principalId).execute()
  await db.deleteFrom('policy_attachments').where('principal_id', '=', principalId).execute()
}
