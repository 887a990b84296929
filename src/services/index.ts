export type {
  AuthorizationRequest,
  Caller,
  CredentialResolver,
  Operation,
  OperationContext,
  ResolvedCredentials,
  ServiceDefinition,
  ServiceDeps,
} from './operation.js'
