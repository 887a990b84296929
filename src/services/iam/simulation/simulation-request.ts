import type { PrincipalFacts } from '../../../policy/index.js'
import { invalidInput } from '../errors.js'
import { pageOf, pageRequest } from '../pagination.js'
import { simulationContext } from './context-entries.js'
import { type PreparedPolicy, preparePolicy } from './prepared-policy.js'
import { simulate } from './simulate.js'
import type { SourcePolicy } from './source-policy.js'

/** What the principal or the custom inputs contribute to a simulation. */
export interface SimulationBase {
  readonly principal: PrincipalFacts
  readonly identity: readonly SourcePolicy[]
  readonly boundary?: SourcePolicy
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? (value as string[]) : [])
const ACCOUNT = /^(?:arn:aws:iam::)?(\d{12})(?::root)?$/

/** The `<list>.N` inputs as `IAM Policy` sources. */
export function inputPolicies(value: unknown, list: string): SourcePolicy[] {
  return strings(value).map((document, i) => ({ id: `${list}.${i + 1}`, type: 'IAM Policy', document }))
}

/** The principal of a SimulateCustomPolicy: the CallerArn's user or role, else an anonymous user of `account`. */
export function customPrincipal(callerArn: unknown, account: string): PrincipalFacts {
  if (typeof callerArn === 'string') {
    const match = /^arn:aws:iam::(\d{12}):(user|role)\/(?:.*\/)?([^/]+)$/.exec(callerArn)
    if (match === null) throw invalidInput(`Invalid CallerArn: ${callerArn}`)
    if (match[2] === 'user')
      return { type: 'User', arn: callerArn, account: match[1]!, principalArn: callerArn }
    return {
      type: 'AssumedRole',
      arn: `arn:aws:sts::${match[1]}:assumed-role/${match[3]}/${match[3]}`,
      account: match[1]!,
      principalArn: callerArn,
    }
  }
  const arn = `arn:aws:iam::${account}:user/`
  return { type: 'User', arn, account, principalArn: arn }
}

/** Runs a simulation request over `base` and pages its EvaluationResults. */
export function runSimulation(base: SimulationBase, input: Record<string, unknown>): Record<string, unknown> {
  const actions = strings(input.ActionNames)
  for (const action of actions) {
    if (/[*?]/.test(action)) throw invalidInput(`Action name ${action} must not contain wildcards.`)
    if (!/^[A-Za-z0-9-]+:[A-Za-z0-9-]+$/.test(action)) throw invalidInput(`Invalid action name: ${action}`)
  }
  const request = pageRequest(input)
  const boundaryInputs = inputPolicies(
    input.PermissionsBoundaryPolicyInputList,
    'PermissionsBoundaryPolicyInputList',
  )
  if (boundaryInputs.length > 1)
    throw invalidInput('PermissionsBoundaryPolicyInputList accepts at most one policy.')
  const identity = [...base.identity, ...inputPolicies(input.PolicyInputList, 'PolicyInputList')]
  const boundary = boundaryInputs[0] ?? base.boundary
  let resourcePolicy: PreparedPolicy | undefined
  if (typeof input.ResourcePolicy === 'string') {
    if (base.principal.type !== 'User' && input.CallerArn === undefined)
      throw invalidInput('CallerArn is required when a ResourcePolicy is simulated for a role.')
    resourcePolicy = preparePolicy(
      { id: 'ResourcePolicy', type: 'resource', document: input.ResourcePolicy },
      'resource',
    )
  }
  const owner = typeof input.ResourceOwner === 'string' ? ACCOUNT.exec(input.ResourceOwner) : undefined
  if (owner === null) throw invalidInput(`Invalid ResourceOwner: ${input.ResourceOwner}`)
  const resources = strings(input.ResourceArns)
  const results = simulate({
    principal: base.principal,
    identity: identity.map((source) => preparePolicy(source, 'identity')),
    ...(boundary ? { boundary: preparePolicy(boundary, 'boundary') } : {}),
    ...(resourcePolicy ? { resourcePolicy } : {}),
    actions,
    ...(resources.length > 0 ? { resources } : {}),
    resourceAccount: owner?.[1] ?? base.principal.account,
    context: simulationContext(input.ContextEntries),
  })
  const page = pageOf(results, request)
  return {
    EvaluationResults: page.items,
    IsTruncated: page.next !== undefined,
    ...(page.next !== undefined ? { Marker: page.next } : {}),
  }
}
