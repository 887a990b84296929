import {
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  DeletePolicyVersionCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  ListPolicyVersionsCommand,
  TagPolicyCommand,
} from '@aws-sdk/client-iam'
import { samePolicyDocument } from './render-template.js'
import { isAwsError, type RosaClients, type RosaTag } from './rosa-clients.js'

/** What EnsurePolicy did. */
export type EnsureOutcome = 'created' | 'updated' | 'unchanged'

/** A customer-managed policy rosa keeps in step with its data set. */
export interface PolicyWanted {
  readonly arn: string
  readonly name: string
  readonly path: string
  readonly document: string
  readonly tags: readonly RosaTag[]
}

/** AWS: a managed policy keeps at most 5 versions. */
const MAX_VERSIONS = 5

/**
 * Creates the policy, or, when its default version differs from the document, adds a new default version
 * (deleting the oldest non-default version when 5 exist); tags it either way.
 */
export async function ensurePolicy(clients: RosaClients, wanted: PolicyWanted): Promise<EnsureOutcome> {
  const { iam } = clients
  let defaultVersion: string | undefined
  try {
    const got = await iam.send(new GetPolicyCommand({ PolicyArn: wanted.arn }))
    defaultVersion = got.Policy?.DefaultVersionId
  } catch (error) {
    if (!isAwsError(error, 'NoSuchEntity')) throw error
  }
  if (defaultVersion === undefined) {
    await iam.send(
      new CreatePolicyCommand({
        PolicyName: wanted.name,
        Path: wanted.path,
        PolicyDocument: wanted.document,
        Tags: [...wanted.tags],
      }),
    )
    return 'created'
  }
  const current = await iam.send(
    new GetPolicyVersionCommand({ PolicyArn: wanted.arn, VersionId: defaultVersion }),
  )
  let outcome: EnsureOutcome = 'unchanged'
  if (!samePolicyDocument(current.PolicyVersion?.Document ?? '{}', wanted.document)) {
    const listed = await iam.send(new ListPolicyVersionsCommand({ PolicyArn: wanted.arn }))
    const versions = listed.Versions ?? []
    if (versions.length >= MAX_VERSIONS) {
      const oldest = versions
        .filter((v) => !v.IsDefaultVersion)
        .sort((a, b) => (a.CreateDate?.getTime() ?? 0) - (b.CreateDate?.getTime() ?? 0))[0]
      if (oldest?.VersionId) {
        await iam.send(new DeletePolicyVersionCommand({ PolicyArn: wanted.arn, VersionId: oldest.VersionId }))
      }
    }
    await iam.send(
      new CreatePolicyVersionCommand({
        PolicyArn: wanted.arn,
        PolicyDocument: wanted.document,
        SetAsDefault: true,
      }),
    )
    outcome = 'updated'
  }
  await iam.send(new TagPolicyCommand({ PolicyArn: wanted.arn, Tags: [...wanted.tags] }))
  return outcome
}
