import type { Operation } from '../../operation.js'
import { addUserToGroup } from '../operations/add-user-to-group.js'
import { changePassword } from '../operations/change-password.js'
import { createAccessKey } from '../operations/create-access-key.js'
import { createGroup } from '../operations/create-group.js'
import { createLoginProfile } from '../operations/create-login-profile.js'
import { createUser } from '../operations/create-user.js'
import { createVirtualMfaDevice } from '../operations/create-virtual-mfa-device.js'
import { deactivateMfaDevice } from '../operations/deactivate-mfa-device.js'
import { deleteAccessKey } from '../operations/delete-access-key.js'
import { deleteAccountPasswordPolicy } from '../operations/delete-account-password-policy.js'
import { deleteGroup } from '../operations/delete-group.js'
import { deleteLoginProfile } from '../operations/delete-login-profile.js'
import { deleteUser } from '../operations/delete-user.js'
import { deleteVirtualMfaDevice } from '../operations/delete-virtual-mfa-device.js'
import { enableMfaDevice } from '../operations/enable-mfa-device.js'
import { getAccessKeyLastUsed } from '../operations/get-access-key-last-used.js'
import { getAccountPasswordPolicy } from '../operations/get-account-password-policy.js'
import { getGroup } from '../operations/get-group.js'
import { getLoginProfile } from '../operations/get-login-profile.js'
import { getUser } from '../operations/get-user.js'
import { listAccessKeys } from '../operations/list-access-keys.js'
import { listGroups } from '../operations/list-groups.js'
import { listGroupsForUser } from '../operations/list-groups-for-user.js'
import { listMfaDeviceTags } from '../operations/list-mfa-device-tags.js'
import { listMfaDevices } from '../operations/list-mfa-devices.js'
import { listUserTags } from '../operations/list-user-tags.js'
import { listUsers } from '../operations/list-users.js'
import { listVirtualMfaDevices } from '../operations/list-virtual-mfa-devices.js'
import { removeUserFromGroup } from '../operations/remove-user-from-group.js'
import { resyncMfaDevice } from '../operations/resync-mfa-device.js'
import { tagMfaDevice } from '../operations/tag-mfa-device.js'
import { tagUser } from '../operations/tag-user.js'
import { untagMfaDevice } from '../operations/untag-mfa-device.js'
import { untagUser } from '../operations/untag-user.js'
import { updateAccessKey } from '../operations/update-access-key.js'
import { updateAccountPasswordPolicy } from '../operations/update-account-password-policy.js'
import { updateGroup } from '../operations/update-group.js'
import { updateLoginProfile } from '../operations/update-login-profile.js'
import { updateUser } from '../operations/update-user.js'

/** Users, groups and membership, access keys, login profiles and MFA devices. */
export const USER_OPERATIONS: Readonly<Record<string, Operation>> = {
  CreateUser: createUser,
  GetUser: getUser,
  UpdateUser: updateUser,
  DeleteUser: deleteUser,
  ListUsers: listUsers,
  TagUser: tagUser,
  UntagUser: untagUser,
  ListUserTags: listUserTags,
  CreateGroup: createGroup,
  GetGroup: getGroup,
  UpdateGroup: updateGroup,
  DeleteGroup: deleteGroup,
  ListGroups: listGroups,
  ListGroupsForUser: listGroupsForUser,
  AddUserToGroup: addUserToGroup,
  RemoveUserFromGroup: removeUserFromGroup,
  CreateAccessKey: createAccessKey,
  ListAccessKeys: listAccessKeys,
  UpdateAccessKey: updateAccessKey,
  DeleteAccessKey: deleteAccessKey,
  GetAccessKeyLastUsed: getAccessKeyLastUsed,
  CreateLoginProfile: createLoginProfile,
  GetLoginProfile: getLoginProfile,
  UpdateLoginProfile: updateLoginProfile,
  DeleteLoginProfile: deleteLoginProfile,
  ChangePassword: changePassword,
  GetAccountPasswordPolicy: getAccountPasswordPolicy,
  UpdateAccountPasswordPolicy: updateAccountPasswordPolicy,
  DeleteAccountPasswordPolicy: deleteAccountPasswordPolicy,
  CreateVirtualMFADevice: createVirtualMfaDevice,
  EnableMFADevice: enableMfaDevice,
  ResyncMFADevice: resyncMfaDevice,
  DeactivateMFADevice: deactivateMfaDevice,
  DeleteVirtualMFADevice: deleteVirtualMfaDevice,
  ListMFADevices: listMfaDevices,
  ListVirtualMFADevices: listVirtualMfaDevices,
  TagMFADevice: tagMfaDevice,
  UntagMFADevice: untagMfaDevice,
  ListMFADeviceTags: listMfaDeviceTags,
}
