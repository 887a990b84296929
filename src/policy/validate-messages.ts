/**
 * The `MalformedPolicyDocument` messages IAM returns, verbatim (trailing periods included or not, as AWS sends them).
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
 */
export const MALFORMED = {
  syntax: 'Syntax errors in policy.',
  /** AWS: trust policies (CreateRole, UpdateAssumeRolePolicy) report unparseable JSON with this text. */
  invalidJson: 'This policy contains invalid Json',
  version: 'Policy document must be version 2012-10-17 or greater.',
  legacy: 'The policy failed legacy parsing',
  sidCharset:
    'Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*',
  sidUnique: 'Statement IDs (SID) in a single policy must be unique.',
  noActions: 'Policy statement must contain actions.',
  noResources: 'Policy statement must contain resources.',
  actionNoVendor: 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.',
  actionColons: 'Actions/Condition can contain only one colon.',
  vendor: (prefix: string) => `Vendor ${prefix} is not valid`,
  resourceNotArn: (resource: string) => `Resource ${resource} must be in ARN format or "*".`,
  partition: (partition: string, shown: string) =>
    `Partition "${partition}" is not valid for resource "${shown}".`,
  resourceVendor: 'Resource vendor must be fully qualified and cannot contain regexes.',
  iamRegion: (resource: string) => `IAM resource ${resource} cannot contain region information.`,
  s3Region: (resource: string) => `Resource ${resource} can not contain region information.`,
  iamResourceType: (prefixes: readonly string[]) =>
    `IAM resource path must either be "*" or start with ${prefixes.join(', ')}.`,
  principalForbidden: 'Policy document should not specify a principal.',
  trustNoPrincipal:
    'Invalid principal in policy: com.amazon.balsa.error.InvalidPolicyException: The passed in policy has a statement with no principals!',
  /** Unverified wording for resource policies; S3 bucket policies use it. */
  resourceNoPrincipal: 'Missing required field Principal',
  /** AWS: no trailing period. */
  prohibitedField: (field: string) => `Has prohibited field ${field}`,
  trustActions: 'AssumeRole policy may only specify STS AssumeRole actions.',
  federated: 'Federated principals must be valid domain names or SAML metadata ARNs',
  invalidPrincipal: (type: string, value: string) => `Invalid principal in policy: "${type}":"${value}"`,
} as const

/** The service model's allowed-character pattern for policy documents. */
export const POLICY_CHARACTERS = '[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+'

/** Model-constraint phrases (`ValidationError`); the service wraps them in `1 validation error detected: …`. */
export const MODEL_CONSTRAINT = {
  pattern: `Member must satisfy regular expression pattern: ${POLICY_CHARACTERS}`,
  minLength: 'Member must have length greater than or equal to 1',
  maxLength: (max: number) => `Member must have length less than or equal to ${max}`,
} as const
