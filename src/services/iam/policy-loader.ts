import {
  compilePolicy,
  type EvaluablePolicy,
  type PolicyCache,
  type PolicyKind,
  parsePolicy,
} from '../../policy/index.js'
import type { PrincipalRef, Repositories } from '../../store/index.js'

/** Turns stored policy documents into evaluable policies, compiling each distinct text once. */
export class PolicyLoader {
  readonly #cache: PolicyCache

  constructor(cache: PolicyCache) {
    this.#cache = cache
  }

  /** The evaluable form of a stored document; undefined when it does not parse (never for documents IAM accepted). */
  evaluable(document: string, kind: PolicyKind): EvaluablePolicy | undefined {
    const key = `${kind}\n${document}`
    const cached = this.#cache.get(key)
    if (cached !== undefined) return cached
    const parsed = parsePolicy(document)
    if (!parsed.ok) return undefined
    const policy = compilePolicy(parsed.document, kind)
    this.#cache.set(key, policy)
    return policy
  }

  /** The inline and attached policies of one user, group or role, inline first. */
  async identityPolicies(store: Repositories, owner: PrincipalRef): Promise<EvaluablePolicy[]> {
    const [inline, attached] = await Promise.all([
      store.inlinePolicies.list(owner),
      store.attachments.listForPrincipal(owner),
    ])
    const documents = inline.map((policy) => policy.document)
    for (const attachment of attached) {
      const document = await this.defaultDocument(store, attachment.policyId)
      if (document !== undefined) documents.push(document)
    }
    return this.#evaluables(documents, 'identity')
  }

  /** The permissions boundary named by ARN, as a one-element list (empty when none). */
  async boundary(store: Repositories, arn: string | undefined): Promise<EvaluablePolicy[]> {
    if (arn === undefined) return []
    const policy = await store.policies.getByArn(arn)
    const document = policy && (await this.defaultDocument(store, policy.id))
    return document === undefined ? [] : this.#evaluables([document], 'boundary')
  }

  /** The default version's document of a managed policy. */
  async defaultDocument(store: Repositories, policyId: string): Promise<string | undefined> {
    const policy = await store.policies.get(policyId)
    if (policy === undefined) return undefined
    return (await store.policies.getVersion(policyId, policy.defaultVersionId))?.document
  }

  #evaluables(documents: readonly string[], kind: PolicyKind): EvaluablePolicy[] {
    const out: EvaluablePolicy[] = []
    for (const document of documents) {
      const policy = this.evaluable(document, kind)
      if (policy !== undefined) out.push(policy)
    }
    return out
  }
}
