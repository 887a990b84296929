import type { PrincipalMatch } from '../decision.js'
import type { PrincipalBlock } from '../document.js'
import type { PrincipalFacts } from '../principal.js'

/** The ways a listed principal can match a caller, strongest first. */
export type PrincipalLayer = Exclude<PrincipalMatch, 'none'>

const ROOT = /^arn:([^:]+):iam::(\d{12}):root$/
const ROLE = /^arn:([^:]+):iam::(\d{12}):role\/(.+)$/
const ACCOUNT_ID = /^\d{12}$/

interface RoleByName {
  readonly prefix: string
  readonly suffix: string
}

/**
 * A Principal or NotPrincipal block compiled into lookup sets.
 *
 * Role ARNs: a role ARN written with a path matches sessions whose `principalArn` (the role ARN
 * with path) is exactly that ARN; one written without a path matches sessions of any role with
 * that name in that account and partition, because AWS resolves trust principals to the role's
 * unique id and path-less ARNs are the common way to write them.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
 */
export class PrincipalMatcher {
  private everyone = false
  private readonly accounts = new Set<string>()
  private readonly roots: { readonly prefix: string; readonly account: string }[] = []
  private readonly identities = new Set<string>()
  private readonly roles = new Set<string>()
  private readonly roleNames: RoleByName[] = []
  private readonly uniqueIds = new Set<string>()
  private readonly services: ReadonlySet<string>
  private readonly federated: ReadonlySet<string>
  private readonly canonical: ReadonlySet<string>

  /** Compiles the block. */
  constructor(block: PrincipalBlock) {
    if (block.kind === 'any') {
      this.everyone = true
      this.services = this.federated = this.canonical = new Set()
      return
    }
    for (const value of block.aws) this.addAws(value)
    this.services = new Set(block.service)
    this.federated = new Set(block.federated)
    this.canonical = new Set(block.canonicalUser)
  }

  /** The strongest layer of `facts` the block lists, or `null` when it lists none. */
  match(facts: PrincipalFacts): PrincipalLayer | null {
    if (this.everyone) return 'direct'
    if (this.identities.has(facts.arn)) return 'direct'
    if (facts.uniqueId !== undefined && this.uniqueIds.has(facts.uniqueId)) {
      return facts.type === 'AssumedRole' ? 'role' : 'direct'
    }
    if (facts.service !== undefined && this.services.has(facts.service)) return 'direct'
    if (facts.federatedProvider !== undefined && this.federated.has(facts.federatedProvider)) return 'direct'
    if (facts.canonicalUserId !== undefined && this.canonical.has(facts.canonicalUserId)) return 'direct'
    if (facts.type === 'AssumedRole' && this.matchesRole(facts.principalArn)) return 'role'
    if (facts.parentUserArn !== undefined && this.identities.has(facts.parentUserArn)) return 'role'
    if (this.matchesAccount(facts)) return 'account'
    return null
  }

  /**
   * Whether the block lists every identity layer of the caller: the account, plus the user, or the
   * role and the session, or the federated-user session. AWS: NotPrincipal exempts a caller only then.
   */
  listsEveryLayer(facts: PrincipalFacts): boolean {
    if (this.everyone) return true
    const identity = this.identities.has(facts.arn)
    switch (facts.type) {
      case 'Account':
        return this.matchesAccount(facts)
      case 'User':
        return (identity || this.#listsUniqueId(facts)) && this.matchesAccount(facts)
      case 'AssumedRole':
        return (
          identity &&
          (this.matchesRole(facts.principalArn) || this.#listsUniqueId(facts)) &&
          this.matchesAccount(facts)
        )
      case 'FederatedUser':
        return identity && this.matchesAccount(facts)
      default:
        return this.match(facts) !== null
    }
  }

  #listsUniqueId(facts: PrincipalFacts): boolean {
    return facts.uniqueId !== undefined && this.uniqueIds.has(facts.uniqueId)
  }

  private addAws(value: string): void {
    if (value === '*') {
      this.everyone = true
      return
    }
    if (ACCOUNT_ID.test(value)) return void this.accounts.add(value)
    const root = ROOT.exec(value)
    if (root !== null) return void this.roots.push({ prefix: `arn:${root[1]}:`, account: root[2]! })
    const role = ROLE.exec(value)
    if (role !== null) {
      this.roles.add(value)
      const name = role[3]!
      if (!name.includes('/'))
        this.roleNames.push({ prefix: `arn:${role[1]}:iam::${role[2]}:role/`, suffix: `/${name}` })
      return
    }
    if (!value.startsWith('arn:')) this.uniqueIds.add(value)
    // Users, assumed-role sessions and federated users are matched by their exact identity ARN.
    this.identities.add(value)
  }

  private matchesRole(principalArn: string): boolean {
    if (this.roles.has(principalArn)) return true
    for (const { prefix, suffix } of this.roleNames) {
      if (principalArn.startsWith(prefix) && principalArn.endsWith(suffix)) return true
    }
    return false
  }

  private matchesAccount(facts: PrincipalFacts): boolean {
    if (facts.account === '' || facts.type === 'Anonymous' || facts.type === 'Service') return false
    if (this.accounts.has(facts.account)) return true
    for (const { prefix, account } of this.roots) {
      if (account === facts.account && facts.arn.startsWith(prefix)) return true
    }
    return false
  }
}

/** How a Principal block matches the caller, or `null` when it does not. */
export function matchPrincipal(block: PrincipalBlock, facts: PrincipalFacts): PrincipalLayer | null {
  return new PrincipalMatcher(block).match(facts)
}

/**
 * Whether a NotPrincipal statement applies to the caller: the caller is exempt only when every one of
 * its layers (account, role or user, session) is listed — AWS's NotPrincipal example lists a user and
 * its account to exempt that user alone. AWS: with Deny, a caller whose entity has a permissions
 * boundary is never exempt.
 */
export function notPrincipalApplies(
  matcher: PrincipalMatcher,
  facts: PrincipalFacts,
  effect: 'Allow' | 'Deny',
): boolean {
  if (effect === 'Deny' && facts.hasBoundary === true) return true
  return !matcher.listsEveryLayer(facts)
}
