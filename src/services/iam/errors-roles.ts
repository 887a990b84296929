import { AwsError } from '../../kernel/aws-error.js'
import { deleteConflict, entityAlreadyExists, invalidInput, limitExceeded, noSuchEntity } from './errors.js'

/** AWS: CreateRole on a taken name (names compare ignoring case). */
export const roleExists = (name: string): AwsError =>
  entityAlreadyExists(`Role with name ${name} already exists.`)

/** AWS: DeleteRole while managed policies are attached. */
export const roleHasAttachedPolicies = (): AwsError =>
  deleteConflict('Cannot delete entity, must detach all policies first.')

/** AWS: DeleteRole while inline policies remain. */
export const roleHasInlinePolicies = (): AwsError =>
  deleteConflict('Cannot delete entity, must delete policies first.')

/** AWS: DeleteRole (and DeleteInstanceProfile) while the role is in an instance profile. */
export const roleInInstanceProfile = (): AwsError =>
  deleteConflict('Cannot delete entity, must remove roles from instance profile first.')

/** AWS: 400 UnmodifiableEntity for service-linked roles changed through the ordinary role calls. */
export const protectedRole = (name: string): AwsError =>
  new AwsError(
    'UnmodifiableEntity',
    400,
    `Cannot perform the operation on the protected role '${name}' - this role is only modifiable by AWS`,
  )

/** AWS: an instance profile that does not exist. */
export const noSuchInstanceProfile = (name: string): AwsError =>
  noSuchEntity(`Instance Profile ${name} cannot be found.`)

/** AWS: CreateInstanceProfile on a taken name. */
export const instanceProfileExists = (name: string): AwsError =>
  entityAlreadyExists(`Instance Profile ${name} already exists.`)

/** AWS: an instance profile holds at most one role. */
export const instanceProfileFull = (): AwsError =>
  limitExceeded('Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1')

/** AWS: an OIDC provider ARN that names no provider. */
export const noSuchOidcProvider = (arn: string): AwsError =>
  noSuchEntity(`OpenIDConnect Provider not found for arn ${arn}`)

/** AWS: CreateOpenIDConnectProvider with a URL the account already registered. */
export const oidcProviderExists = (url: string): AwsError =>
  entityAlreadyExists(`Provider with url ${url} already exists.`)

/** AWS: at most 100 client ids per provider. */
export const tooManyClientIds = (): AwsError =>
  limitExceeded('Cannot exceed quota for ClientIdsPerOpenIdConnectProvider: 100')

/** AWS: more than five thumbprints. */
export const tooManyThumbprints = (): AwsError =>
  invalidInput('Thumbprint list must contain fewer than 5 entries.')

/** AWS: UpdateOpenIDConnectProviderThumbprint with an empty list. */
export const noThumbprints = (): AwsError => invalidInput('Thumbprint list must contain at least one entry.')

/** AWS: a second service-linked role of the same name. */
export const serviceRoleNameTaken = (name: string): AwsError =>
  invalidInput(`Service role name ${name} has been taken in this account, please try a different suffix.`)

/** AWS: CustomSuffix for a service whose role takes none. */
export const customSuffixNotAllowed = (service: string): AwsError =>
  invalidInput(`Custom suffix is not allowed for ${service}`)
