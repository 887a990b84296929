import { AwsError } from '../../kernel/aws-error.js'
import { deleteConflict, entityAlreadyExists, invalidInput, limitExceeded, noSuchEntity } from './errors.js'

/** AWS: CreateUser/UpdateUser with a taken name. */
export const userExists = (name: string): AwsError =>
  entityAlreadyExists(`User with name ${name} already exists.`)

/** AWS: CreateGroup/UpdateGroup with a taken name. */
export const groupExists = (name: string): AwsError =>
  entityAlreadyExists(`Group with name ${name} already exists.`)

/** AWS: the DeleteConflict texts of DeleteUser and DeleteGroup, by what is still there. */
export const DELETE_CONFLICT = {
  loginProfile: 'Cannot delete entity, must delete login profile first.',
  accessKeys: 'Cannot delete entity, must delete access keys first.',
  mfaDevices: 'Cannot delete entity, must delete MFA device first.',
  inlinePolicies: 'Cannot delete entity, must delete policies first.',
  attachedPolicies: 'Cannot delete entity, must detach all policies first.',
  groups: 'Cannot delete entity, must remove users from group first.',
} as const

/** AWS: 409 DeleteConflict with one of the texts above. */
export const deleteConflictFor = (what: keyof typeof DELETE_CONFLICT): AwsError =>
  deleteConflict(DELETE_CONFLICT[what])

/** AWS: the third access key of a user. */
export const accessKeyQuota = (): AwsError => limitExceeded('Cannot exceed quota for AccessKeysPerUser: 2')

/** AWS: the eleventh group of a user. */
export const groupsPerUserQuota = (): AwsError => limitExceeded('Cannot exceed quota for GroupsPerUser: 10')

/** AWS: an access key id that the user does not own. */
export const noSuchAccessKey = (id: string): AwsError =>
  noSuchEntity(`The Access Key with id ${id} cannot be found.`)

/** AWS: a user without a console password. */
export const noSuchLoginProfile = (name: string): AwsError =>
  noSuchEntity(`Login Profile for User ${name} cannot be found.`)

/** AWS: CreateLoginProfile for a user that has one. */
export const loginProfileExists = (name: string): AwsError =>
  entityAlreadyExists(`Login Profile for user ${name} already exists.`)

/** AWS: an account without a password policy. */
export const noSuchPasswordPolicy = (account: string): AwsError =>
  noSuchEntity(`The Password Policy with domain name ${account} cannot be found.`)

/** AWS: a password the account policy refuses. */
export const passwordPolicyViolation = (): AwsError =>
  new AwsError('PasswordPolicyViolation', 400, 'Password does not conform to the account password policy.')

/** ChangePassword with a wrong old password (AWS's code is not documented; see docs/compatibility.md). */
export const wrongOldPassword = (): AwsError => invalidInput('The old password is incorrect.')

/** AWS: ChangePassword by a caller that is not an IAM user (the root). */
export const notAnIamUser = (): AwsError =>
  new AwsError('InvalidUserType', 400, 'Only IAM users can change their own password.')

/** AWS: a virtual MFA device serial that does not exist. */
export const noSuchMfaDevice = (serial: string): AwsError =>
  noSuchEntity(`VirtualMFADevice with serial number ${serial} doesn't exist.`)

/** AWS: an MFA device serial not enabled for the user. */
export const mfaNotEnabledForUser = (serial: string, user: string): AwsError =>
  noSuchEntity(`MFA Device with serial number ${serial} not found for user ${user}.`)

/** AWS: CreateVirtualMFADevice with a taken name. */
export const mfaDeviceExists = (): AwsError =>
  entityAlreadyExists('MFADevice entity at the same path and name already exists.')

/** AWS: EnableMFADevice on a device that is assigned. */
export const mfaDeviceInUse = (): AwsError => entityAlreadyExists('MFA Device is already in use.')

/** AWS: DeleteVirtualMFADevice while the device is enabled. */
export const mfaDeviceStillAssigned = (): AwsError =>
  deleteConflict('MFA VirtualDevice in use. Must deactivate first.')

/** AWS: EnableMFADevice/ResyncMFADevice with codes that do not verify. */
export const invalidAuthenticationCode = (): AwsError =>
  new AwsError('InvalidAuthenticationCode', 403, 'Authentication code for device is not valid.')

/** AWS: more than 50 tags on one resource after a Tag call. */
export const tagQuota = (kind: 'User' | 'MFADevice'): AwsError =>
  limitExceeded(`Cannot exceed quota for TagsPer${kind}: 50`)
