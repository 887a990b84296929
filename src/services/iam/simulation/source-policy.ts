/** A policy taking part in a simulation, named as AWS reports it in MatchedStatements. */
export interface SourcePolicy {
  /** `SourcePolicyId`: the policy name, or `PolicyInputList.N`, `PermissionsBoundaryPolicyInputList.1`, `ResourcePolicy`. */
  readonly id: string
  /** `SourcePolicyType`: user, group, role, aws-managed, user-managed, resource or `IAM Policy` for inputs. */
  readonly type: string
  /** The document text exactly as stored or submitted. */
  readonly document: string
}
