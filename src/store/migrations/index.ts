import type { Migration, MigrationProvider } from 'kysely'
import { principals } from './0001-principals.js'
import { policies } from './0002-policies.js'
import { credentials } from './0003-credentials.js'
import { auditAndSettings } from './0004-audit-and-settings.js'
import { signIn } from './0005-sign-in.js'
import { cloudResources } from './0006-cloud-resources.js'
import { s3 } from './0007-s3.js'
import { secretVersions } from './0008-secret-versions.js'
import type { SchemaDialect } from './schema-dialect.js'

export type { SchemaDialect } from './schema-dialect.js'

/** Every migration by name; names sort in the order they run, and a released migration is never edited. */
export function migrations(d: SchemaDialect): Record<string, Migration> {
  return {
    '0001-principals': principals(d),
    '0002-policies': policies(d),
    '0003-credentials': credentials(d),
    '0004-audit-and-settings': auditAndSettings(d),
    '0005-sign-in': signIn(d),
    '0006-cloud-resources': cloudResources(d),
    '0007-s3': s3(d),
    '0008-secret-versions': secretVersions(d),
  }
}

/** A Kysely migration provider over `migrations(d)`. */
export function migrationProvider(d: SchemaDialect): MigrationProvider {
  return { getMigrations: async () => migrations(d) }
}
