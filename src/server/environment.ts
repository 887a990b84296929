import type { CredentialResolver, ServiceDefinition, ServiceDeps } from '../services/index.js'
import type { SigningKeyCache } from '../sigv4/index.js'

/** What the pipeline steps share across requests. */
export interface PipelineEnv {
  readonly deps: ServiceDeps
  /** The services by signing name; ELB and ELBv2 share `elasticloadbalancing`. */
  readonly services: ReadonlyMap<string, readonly ServiceDefinition[]>
  readonly credentials: CredentialResolver
  readonly signingKeys: SigningKeyCache
}
