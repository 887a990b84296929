export type {
  AuthorizationRequest,
  Caller,
  CredentialResolver,
  Denial,
  Operation,
  OperationContext,
  ResolvedCredentials,
  ServiceDefinition,
  ServiceDeps,
} from './operation.js'
