import { splitArn } from '../../kernel/arn.js'
import type { RequestContext } from '../context.js'
import { resolveTemplate, templateOf } from './variables.js'
import { foldText, globToRegExp, hasWildcard, patternText } from './wildcard.js'

/** How a Resource entry is read: policy kind and language version decide the edge cases. */
export interface ResourceMatchOptions {
  /** Resource and trust policies: a short ARN without a wildcard matches nothing there. */
  readonly resourcePolicy: boolean
  /** 2012-10-17: `${...}` in the resource component is a policy variable. */
  readonly variables: boolean
  readonly context: RequestContext
}

/**
 * Splits a policy resource into its six ARN components; a short ARN (fewer than five colons)
 * gets `*` for the missing ones. `undefined` when the entry cannot match anything.
 */
export function policyArnComponents(pattern: string, resourcePolicy: boolean): readonly string[] | undefined {
  const full = splitArn(pattern)
  if (full !== undefined) return full
  // AWS: short ARNs such as `arn:aws:s3:*` match as if the missing components were `*`;
  // in resource policies one without any wildcard matches nothing [impl: iam-simulate].
  if (resourcePolicy && !hasWildcard(patternText(pattern))) return undefined
  const parts = pattern.split(':')
  while (parts.length < 6) parts.push('*')
  return parts
}

/**
 * Whether one Resource entry matches the request resource: `*` matches all; otherwise partition,
 * service, region and account are globbed ignoring case and the resource component is globbed
 * case-sensitively with `*` crossing `/` and `:`.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 */
export function matchResource(pattern: string, resource: string, options: ResourceMatchOptions): boolean {
  if (pattern === '*') return true
  const request = splitArn(resource)
  const policy = policyArnComponents(pattern, options.resourcePolicy)
  if (request === undefined || policy === undefined) return false
  for (let i = 0; i < 5; i++) {
    if (!globToRegExp(patternText(policy[i]!), true).test(foldText(request[i]!))) return false
  }
  const resolved = resolveTemplate(templateOf(policy[5]!, options.variables), options.context)
  if (resolved === undefined) return false
  return globToRegExp(resolved, false).test(request[5]!)
}

/** Whether a Resource list applies: any entry matches. */
export function matchResourceList(
  patterns: readonly string[],
  resource: string,
  options: ResourceMatchOptions,
): boolean {
  return patterns.some((pattern) => matchResource(pattern, resource, options))
}

/** Whether a NotResource list applies: no entry matches (an unresolvable entry excludes nothing). */
export function matchNotResourceList(
  patterns: readonly string[],
  resource: string,
  options: ResourceMatchOptions,
): boolean {
  return !matchResourceList(patterns, resource, options)
}
