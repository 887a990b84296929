import type { Operation } from '../../operation.js'
import { addClientIDToOpenIDConnectProvider } from '../operations/add-client-id-to-open-id-connect-provider.js'
import { addRoleToInstanceProfile } from '../operations/add-role-to-instance-profile.js'
import { createInstanceProfile } from '../operations/create-instance-profile.js'
import { createOpenIDConnectProvider } from '../operations/create-open-id-connect-provider.js'
import { createRole } from '../operations/create-role.js'
import { createServiceLinkedRole } from '../operations/create-service-linked-role.js'
import { deleteInstanceProfile } from '../operations/delete-instance-profile.js'
import { deleteOpenIDConnectProvider } from '../operations/delete-open-id-connect-provider.js'
import { deleteRole } from '../operations/delete-role.js'
import { deleteServiceLinkedRole } from '../operations/delete-service-linked-role.js'
import { getInstanceProfile } from '../operations/get-instance-profile.js'
import { getOpenIDConnectProvider } from '../operations/get-open-id-connect-provider.js'
import { getRole } from '../operations/get-role.js'
import { getServiceLinkedRoleDeletionStatus } from '../operations/get-service-linked-role-deletion-status.js'
import { listInstanceProfileTags } from '../operations/list-instance-profile-tags.js'
import { listInstanceProfiles } from '../operations/list-instance-profiles.js'
import { listInstanceProfilesForRole } from '../operations/list-instance-profiles-for-role.js'
import { listOpenIDConnectProviderTags } from '../operations/list-open-id-connect-provider-tags.js'
import { listOpenIDConnectProviders } from '../operations/list-open-id-connect-providers.js'
import { listRoleTags } from '../operations/list-role-tags.js'
import { listRoles } from '../operations/list-roles.js'
import { removeClientIDFromOpenIDConnectProvider } from '../operations/remove-client-id-from-open-id-connect-provider.js'
import { removeRoleFromInstanceProfile } from '../operations/remove-role-from-instance-profile.js'
import { tagInstanceProfile } from '../operations/tag-instance-profile.js'
import { tagOpenIDConnectProvider } from '../operations/tag-open-id-connect-provider.js'
import { tagRole } from '../operations/tag-role.js'
import { untagInstanceProfile } from '../operations/untag-instance-profile.js'
import { untagOpenIDConnectProvider } from '../operations/untag-open-id-connect-provider.js'
import { untagRole } from '../operations/untag-role.js'
import { updateAssumeRolePolicy } from '../operations/update-assume-role-policy.js'
import { updateOpenIDConnectProviderThumbprint } from '../operations/update-open-id-connect-provider-thumbprint.js'
import { updateRole } from '../operations/update-role.js'
import { updateRoleDescription } from '../operations/update-role-description.js'

/** Roles, service-linked roles, instance profiles and OIDC providers. */
export const ROLE_OPERATIONS: Readonly<Record<string, Operation>> = {
  CreateRole: createRole,
  GetRole: getRole,
  ListRoles: listRoles,
  UpdateRole: updateRole,
  UpdateRoleDescription: updateRoleDescription,
  UpdateAssumeRolePolicy: updateAssumeRolePolicy,
  DeleteRole: deleteRole,
  TagRole: tagRole,
  UntagRole: untagRole,
  ListRoleTags: listRoleTags,
  CreateServiceLinkedRole: createServiceLinkedRole,
  DeleteServiceLinkedRole: deleteServiceLinkedRole,
  GetServiceLinkedRoleDeletionStatus: getServiceLinkedRoleDeletionStatus,
  CreateInstanceProfile: createInstanceProfile,
  GetInstanceProfile: getInstanceProfile,
  ListInstanceProfiles: listInstanceProfiles,
  ListInstanceProfilesForRole: listInstanceProfilesForRole,
  AddRoleToInstanceProfile: addRoleToInstanceProfile,
  RemoveRoleFromInstanceProfile: removeRoleFromInstanceProfile,
  DeleteInstanceProfile: deleteInstanceProfile,
  TagInstanceProfile: tagInstanceProfile,
  UntagInstanceProfile: untagInstanceProfile,
  ListInstanceProfileTags: listInstanceProfileTags,
  CreateOpenIDConnectProvider: createOpenIDConnectProvider,
  GetOpenIDConnectProvider: getOpenIDConnectProvider,
  ListOpenIDConnectProviders: listOpenIDConnectProviders,
  DeleteOpenIDConnectProvider: deleteOpenIDConnectProvider,
  AddClientIDToOpenIDConnectProvider: addClientIDToOpenIDConnectProvider,
  RemoveClientIDFromOpenIDConnectProvider: removeClientIDFromOpenIDConnectProvider,
  UpdateOpenIDConnectProviderThumbprint: updateOpenIDConnectProviderThumbprint,
  TagOpenIDConnectProvider: tagOpenIDConnectProvider,
  UntagOpenIDConnectProvider: untagOpenIDConnectProvider,
  ListOpenIDConnectProviderTags: listOpenIDConnectProviderTags,
}
