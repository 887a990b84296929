import { ListOpenIDConnectProvidersCommand, ListOpenIDConnectProviderTagsCommand } from '@aws-sdk/client-iam'
import { listRolesNamed, roleTags } from './delete-resources.js'
import type { RosaClients } from './rosa-clients.js'

/** An account role found by its rosa tags. */
export interface ListedAccountRole {
  readonly type: string
  readonly name: string
  readonly arn: string
  readonly prefix: string
  readonly version: string
}

/** The account roles in the account: roles tagged `rosa_role_type` and `red-hat-managed=true`, sorted by name. */
export async function listAccountRoles(clients: RosaClients, prefix = ''): Promise<ListedAccountRole[]> {
  const found: ListedAccountRole[] = []
  for (const role of await listRolesNamed(clients, prefix)) {
    if (!/-(Installer|ControlPlane|Worker|Support)-Role$/.test(role.RoleName ?? '')) continue
    const tags = await roleTags(clients, role.RoleName ?? '')
    if (tags.rosa_role_type === undefined || tags['red-hat-managed'] !== 'true') continue
    found.push({
      type: tags.rosa_role_type,
      name: role.RoleName ?? '',
      arn: role.Arn ?? '',
      prefix: tags.rosa_role_prefix ?? '',
      version: tags.rosa_openshift_version ?? '',
    })
  }
  return found.sort((a, b) => a.name.localeCompare(b.name))
}

/** An operator role found by its rosa tags. */
export interface ListedOperatorRole {
  readonly name: string
  readonly arn: string
  readonly namespace: string
  readonly secret: string
}

/** The operator roles in the account (tagged `operator_namespace` and `red-hat-managed=true`), sorted by name. */
export async function listOperatorRoles(clients: RosaClients, prefix = ''): Promise<ListedOperatorRole[]> {
  const found: ListedOperatorRole[] = []
  for (const role of await listRolesNamed(clients, prefix)) {
    if (!(role.RoleName ?? '').includes('-openshift-')) continue
    const tags = await roleTags(clients, role.RoleName ?? '')
    if (tags.operator_namespace === undefined || tags['red-hat-managed'] !== 'true') continue
    found.push({
      name: role.RoleName ?? '',
      arn: role.Arn ?? '',
      namespace: tags.operator_namespace,
      secret: tags.operator_name ?? '',
    })
  }
  return found.sort((a, b) => a.name.localeCompare(b.name))
}

/** The OIDC providers tagged `red-hat-managed=true`. */
export async function listOidcProviders(clients: RosaClients): Promise<string[]> {
  const listed = await clients.iam.send(new ListOpenIDConnectProvidersCommand({}))
  const arns: string[] = []
  for (const provider of listed.OpenIDConnectProviderList ?? []) {
    const arn = provider.Arn ?? ''
    const tags = await clients.iam.send(
      new ListOpenIDConnectProviderTagsCommand({ OpenIDConnectProviderArn: arn }),
    )
    if ((tags.Tags ?? []).some((t) => t.Key === 'red-hat-managed' && t.Value === 'true')) arns.push(arn)
  }
  return arns.sort()
}
