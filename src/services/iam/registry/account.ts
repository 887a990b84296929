import type { Operation } from '../../operation.js'
import { createAccountAlias } from '../operations/create-account-alias.js'
import { deleteAccountAlias } from '../operations/delete-account-alias.js'
import { generateServiceLastAccessedDetails } from '../operations/generate-service-last-accessed-details.js'
import { getAccountAuthorizationDetails } from '../operations/get-account-authorization-details.js'
import { getAccountSummary } from '../operations/get-account-summary.js'
import { getContextKeysForCustomPolicy } from '../operations/get-context-keys-for-custom-policy.js'
import { getContextKeysForPrincipalPolicy } from '../operations/get-context-keys-for-principal-policy.js'
import { getServiceLastAccessedDetails } from '../operations/get-service-last-accessed-details.js'
import { listAccountAliases } from '../operations/list-account-aliases.js'
import { simulateCustomPolicy } from '../operations/simulate-custom-policy.js'
import { simulatePrincipalPolicy } from '../operations/simulate-principal-policy.js'

/** Tags, policy simulation, account summary, authorization details, aliases and service last accessed reports. */
export const ACCOUNT_OPERATIONS: Readonly<Record<string, Operation>> = {
  SimulatePrincipalPolicy: simulatePrincipalPolicy,
  SimulateCustomPolicy: simulateCustomPolicy,
  GetContextKeysForPrincipalPolicy: getContextKeysForPrincipalPolicy,
  GetContextKeysForCustomPolicy: getContextKeysForCustomPolicy,
  GetAccountSummary: getAccountSummary,
  GetAccountAuthorizationDetails: getAccountAuthorizationDetails,
  CreateAccountAlias: createAccountAlias,
  DeleteAccountAlias: deleteAccountAlias,
  ListAccountAliases: listAccountAliases,
  GenerateServiceLastAccessedDetails: generateServiceLastAccessedDetails,
  GetServiceLastAccessedDetails: getServiceLastAccessedDetails,
}
