import { runCreateAccountRoles } from '../../../src/cli/commands/rosa-account-roles.js'
import { runRosaInit } from '../../../src/cli/commands/rosa-cluster.js'
import { runCreateOidcConfig, runCreateOidcProvider } from '../../../src/cli/commands/rosa-oidc.js'
import { runCreateOperatorRoles } from '../../../src/cli/commands/rosa-operator-roles.js'
import type { OidcConfig } from '../../../src/rosa/index.js'
import { DEFAULT_PROVIDER_ACCOUNT } from '../../../src/rosa/index.js'

const FLAGS = { output: 'text' }
const quiet = (): void => {}

/** The environment the `lanyard rosa` commands read for the server at `url` with data dir `dataDir`. */
export const rosaEnv = (url: string, dataDir: string): NodeJS.ProcessEnv => ({
  AWS_ENDPOINT_URL: url,
  LANYARD_DATA_DIR: dataDir,
  AWS_REGION: 'us-east-1',
})

/** `rosa init` (the provider account), then `rosa create account-roles` (ManagedOpenShift, auto, 4.22), quietly. */
export async function initWithAccountRoles(env: NodeJS.ProcessEnv): Promise<void> {
  await runRosaInit(FLAGS, quiet, env)
  await runCreateAccountRoles(
    {
      ...FLAGS,
      prefix: 'ManagedOpenShift',
      path: '/',
      mode: 'auto',
      version: '4.22',
      providerAccount: DEFAULT_PROVIDER_ACCOUNT,
    },
    quiet,
    env,
  )
}

/** An unmanaged OIDC configuration, its IAM OIDC provider and the operator roles `operatorPrefix`, quietly. */
export async function unmanagedOidcWithOperatorRoles(
  env: NodeJS.ProcessEnv,
  operatorPrefix: string,
): Promise<OidcConfig> {
  const oidc = await runCreateOidcConfig({ ...FLAGS, managed: 'false', version: '4.22' }, quiet, env)
  await runCreateOidcProvider({ ...FLAGS, oidcConfigId: oidc.id }, quiet, env)
  await runCreateOperatorRoles(
    { ...FLAGS, prefix: operatorPrefix, oidcConfigId: oidc.id, version: '4.22' },
    quiet,
    env,
  )
  return oidc
}
