/**
 * Access Analyzer's `findingDetails` texts for the checks the catalog can make, placeholders filled.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html
 */
export const FINDING_MESSAGES = {
  INVALID_SERVICE_IN_ACTION: (action: string, suggestion?: string) =>
    `The service ${action} specified in the action does not exist.${didYouMean(suggestion)}`,
  INVALID_ACTION: (action: string, suggestion?: string) =>
    `The action ${action} does not exist.${didYouMean(suggestion)}`,
  REDUNDANT_ACTION: (count: number, example: string) =>
    `The ${count} action(s) are redundant because they provide similar permissions. Update the policy to remove the redundant action such as: ${example}.`,
  INVALID_SERVICE: (service: string) => `The service ${service} does not exist. Use a valid service name.`,
  INVALID_GLOBAL_CONDITION_KEY: (key: string) =>
    `The condition key ${key} does not exist. Use a valid condition key.`,
  INVALID_SERVICE_CONDITION_KEY: (key: string, service: string) =>
    `The condition key ${key} does not exist in the service ${service}. Use a valid condition key.`,
  MISSING_TAG_KEY_IN_CONDITION: (key: string) =>
    `The condition key ${key} must include a tag key to control access based on tags. Use the format ${key}tag-key and specify a key name for tag-key.`,
  TYPE_MISMATCH: (allowed: string, operator: string, key: string) =>
    `Use the operator type ${allowed} instead of operator ${operator} for the condition key ${key}.`,
  STRING_LIKE_OPERATOR_WITH_ARN_CONDITION_KEYS: (allowed: string, operator: string, key: string) =>
    `Use the operator type ${allowed} instead of operator ${operator} for the condition key ${key}.`,
  MISSING_QUALIFIER: (key: string) =>
    `The request context key ${key} has multiple values. Use the ForAllValues or ForAnyValue condition key qualifiers in your policy.`,
  FORALLVALUES_WITH_SINGLE_VALUED_KEY: (key: string) =>
    `Using ForAllValues qualifier with the single-valued condition key ${key} can be overly permissive. We recommend that you remove ForAllValues:.`,
  PASS_ROLE_WITH_STAR_IN_RESOURCE:
    'Using the iam:PassRole action with wildcards (*) in the resource can be overly permissive because it allows iam:PassRole permissions on multiple resources. We recommend that you specify resource ARNs or add the iam:PassedToService condition key to your statement.',
  PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE:
    'Using wildcards (*) in the action and the resource can be overly permissive because it allows iam:PassRole permissions on all resources. We recommend that you specify resource ARNs or add the iam:PassedToService condition key to your statement.',
  PASS_ROLE_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION:
    'Using a resource with wildcards (*) and NotAction can be overly permissive because it allows iam:PassRole permissions on all resources. We recommend that you specify resource ARNs or add the iam:PassedToService condition key to your statement.',
  PASS_ROLE_WITH_NOT_RESOURCE:
    'Using the iam:PassRole action with NotResource can be overly permissive because it can allow iam:PassRole permissions on multiple resources. We recommend that you specify resource ARNs instead.',
  PASS_ROLE_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE:
    'Using an action with a wildcard (*) and NotResource can be overly permissive because it can allow iam:PassRole permissions on multiple resources. We recommend that you specify resource ARNs instead.',
  // AWS: the documented text has the doubled period.
  PASS_ROLE_WITH_NOT_ACTION_AND_NOT_RESOURCE:
    'Using NotAction with NotResource can be overly permissive because it can allow iam:PassRole permissions on multiple resources.. We recommend that you specify resource ARNs instead.',
  CREATE_SLR_WITH_STAR_IN_RESOURCE:
    'Using the iam:CreateServiceLinkedRole action with wildcards (*) in the resource can allow creation of unintended service-linked roles. We recommend that you specify resource ARNs instead.',
  CREATE_SLR_WITH_STAR_IN_ACTION_AND_RESOURCE:
    'Using wildcards (*) in the action and the resource can allow creation of unintended service-linked roles because it allows iam:CreateServiceLinkedRole permissions on all resources. We recommend that you specify resource ARNs instead.',
  CREATE_SLR_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION:
    'Using a resource with wildcards (*) and NotAction can allow creation of unintended service-linked roles because it allows iam:CreateServiceLinkedRole permissions on all resources. We recommend that you specify resource ARNs instead.',
  CREATE_SLR_WITH_NOT_RESOURCE:
    'Using the iam:CreateServiceLinkedRole action with NotResource can allow creation of unintended service-linked roles for multiple resources. We recommend that you specify resource ARNs instead.',
  CREATE_SLR_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE:
    'Using an action with a wildcard(*) and NotResource can allow creation of unintended service-linked roles because it can allow iam:CreateServiceLinkedRole permissions on multiple resources. We recommend that you specify resource ARNs instead.',
  CREATE_SLR_WITH_NOT_ACTION_AND_NOT_RESOURCE:
    'Using NotAction with NotResource can allow creation of unintended service-linked roles because it allows iam:CreateServiceLinkedRole permissions on multiple resources. We recommend that you specify resource ARNs instead.',
} as const

function didYouMean(suggestion: string | undefined): string {
  return suggestion ? ` Did you mean ${suggestion}?` : ''
}

/** Access Analyzer's texts for tag condition keys that some actions of a statement do not support. */
export const TAG_KEY_MESSAGES = {
  ALLOW_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE: (key: string, services: string) =>
    `Using the effect Allow with the tag condition key ${key} and actions for services with the following prefixes does not affect the policy: ${services}. Actions for the listed service are not allowed by this statement. We recommend that you move these actions to a different statement without this condition key.`,
  DENY_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE: (key: string, services: string) =>
    `Using the effect Deny with the tag condition key ${key} and actions for services with the following prefixes can be overly permissive: ${services}. Actions for the listed services are not denied by this statement. We recommend that you move these actions to a different statement without this condition key.`,
  ALLOW_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE: (key: string) =>
    `Using the effect Allow with NotAction and the tag condition key ${key} allows only service actions that support the condition key. The condition key doesn't apply to some service actions. We recommend that you use Action instead of NotAction.`,
  DENY_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE: (key: string) =>
    `Using the effect Deny with NotAction and the tag condition key ${key} can be overly permissive because some service actions are not denied by this statement. This is because the condition key doesn't apply to some service actions. We recommend that you use Action instead of NotAction.`,
} as const
