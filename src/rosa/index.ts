export * from './account-roles.js'
export * from './caller.js'
export * from './cluster-api.js'
export * from './cluster-create.js'
export * from './cluster-provider.js'
export * from './cluster-revoke.js'
export * from './cluster-support.js'
export * from './cluster-usage.js'
export * from './data-set.js'
export * from './delete-resources.js'
export * from './describe-oidc.js'
export * from './describe-roles.js'
export * from './ensure-policy.js'
export * from './ensure-role.js'
export {
  INSTALL_STEPS,
  type InstallerOptions,
  isUnreachable,
  runInstaller,
  runUninstaller,
} from './install/installer.js'
export * from './list-resources.js'
export * from './manual-commands.js'
export * from './names.js'
export * from './oidc-config.js'
export * from './oidc-keys.js'
export * from './oidc-provider.js'
export * from './operator-roles.js'
export * from './operators/index.js'
export * from './provider-platform.js'
export * from './render-template.js'
export * from './revoke-sessions.js'
export * from './rosa-clients.js'
export * from './verify-permissions.js'
