import type { Repositories } from '../ports/index.js'
import { accessKeyRepository } from './access-keys.js'
import { accountRepository } from './accounts.js'
import { attachmentRepository } from './attachments.js'
import { auditRepository } from './audit.js'
import { cloudResourceRepository } from './cloud-resources.js'
import type { RepoContext } from './context.js'
import { groupRepository } from './groups.js'
import { inlinePolicyRepository } from './inline-policies.js'
import { instanceProfileRepository } from './instance-profiles.js'
import { loginProfileRepository } from './login-profiles.js'
import { mfaDeviceRepository } from './mfa-devices.js'
import { oidcProviderRepository } from './oidc-providers.js'
import { policyRepository } from './policies.js'
import { roleRepository } from './roles.js'
import { s3ObjectRepository } from './s3-objects.js'
import { s3UploadRepository } from './s3-uploads.js'
import { secretVersionRepository } from './secret-versions.js'
import { settingsRepository } from './settings.js'
import { userRepository } from './users.js'

/** Every repository bound to one connection or transaction. */
export function repositories(ctx: RepoContext): Omit<Repositories, 'changes'> {
  return {
    accounts: accountRepository(ctx),
    users: userRepository(ctx),
    groups: groupRepository(ctx),
    roles: roleRepository(ctx),
    policies: policyRepository(ctx),
    inlinePolicies: inlinePolicyRepository(ctx),
    attachments: attachmentRepository(ctx),
    accessKeys: accessKeyRepository(ctx),
    loginProfiles: loginProfileRepository(ctx),
    mfaDevices: mfaDeviceRepository(ctx),
    instanceProfiles: instanceProfileRepository(ctx),
    oidcProviders: oidcProviderRepository(ctx),
    audit: auditRepository(ctx),
    settings: settingsRepository(ctx),
    cloudResources: cloudResourceRepository(ctx),
    secretVersions: secretVersionRepository(ctx),
    s3Objects: s3ObjectRepository(ctx),
    s3Uploads: s3UploadRepository(ctx),
  }
}
