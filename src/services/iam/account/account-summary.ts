import type { Repositories } from '../../../store/index.js'
import { ACCOUNT_QUOTAS } from '../account-quotas.js'
import { allPages } from './all-pages.js'

/** AWS: the default IAM quotas GetAccountSummary reports. */
const QUOTAS = {
  UsersQuota: ACCOUNT_QUOTAS.UsersPerAccount,
  GroupsQuota: ACCOUNT_QUOTAS.GroupsPerAccount,
  RolesQuota: ACCOUNT_QUOTAS.RolesPerAccount,
  InstanceProfilesQuota: 1000,
  PoliciesQuota: ACCOUNT_QUOTAS.PoliciesPerAccount,
  ServerCertificatesQuota: 20,
  UserPolicySizeQuota: 2048,
  GroupPolicySizeQuota: 5120,
  RolePolicySizeQuota: 10240,
  AssumeRolePolicySizeQuota: 2048,
  PolicySizeQuota: 6144,
  GroupsPerUserQuota: 10,
  SigningCertificatesPerUserQuota: 2,
  AccessKeysPerUserQuota: 2,
  AttachedPoliciesPerGroupQuota: 10,
  AttachedPoliciesPerRoleQuota: 10,
  AttachedPoliciesPerUserQuota: 10,
  PolicyVersionsInUseQuota: 10000,
  VersionsPerPolicyQuota: 5,
  GlobalEndpointTokenVersion: 1,
} as const

/** The SummaryMap of GetAccountSummary: entity counts and quotas of one account. */
export async function accountSummary(store: Repositories, account: string): Promise<Record<string, number>> {
  const [users, groups, roles, policies, devices, profiles, providers, rootKeys] = await Promise.all([
    allPages((r) => store.users.list(account, r)),
    allPages((r) => store.groups.list(account, r)),
    allPages((r) => store.roles.list(account, r)),
    store.policies.count(account),
    allPages((r) => store.mfaDevices.list(account, r)),
    allPages((r) => store.instanceProfiles.list(account, r)),
    store.oidcProviders.list(account),
    store.accessKeys.listForRoot(account),
  ])
  // AWS: PolicyVersionsInUse counts managed-policy attachments to the account's users, groups and roles.
  const principals = [
    ...users.map((u) => ({ kind: 'user' as const, id: u.id })),
    ...groups.map((g) => ({ kind: 'group' as const, id: g.id })),
    ...roles.map((r) => ({ kind: 'role' as const, id: r.id })),
  ]
  const attachments = principals.length === 0 ? [] : await store.attachments.listForPrincipals(principals)
  return {
    Users: users.length,
    Groups: groups.length,
    Roles: roles.length,
    InstanceProfiles: profiles.length,
    Policies: policies,
    Providers: providers.length,
    ServerCertificates: 0,
    MFADevices: devices.length,
    MFADevicesInUse: devices.filter((d) => d.userId !== undefined).length,
    AccountMFAEnabled: 0,
    AccountAccessKeysPresent: rootKeys.length > 0 ? 1 : 0,
    AccountSigningCertificatesPresent: 0,
    PolicyVersionsInUse: attachments.length,
    ...QUOTAS,
  }
}
