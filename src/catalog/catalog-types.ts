import type { AccessLevel } from './access-level.js'
import type { ConditionKeyType } from './condition-types.js'

/** One action of the Service Authorization Reference. */
export interface ActionInfo {
  /** The service prefix, lower case (`iam`). */
  readonly service: string
  /** The action name as AWS spells it (`CreateRole`). */
  readonly name: string
  /** `service:Name`, the canonical spelling (`iam:CreateRole`). */
  readonly fullName: string
  readonly description: string
  readonly accessLevel: AccessLevel
  /** Resource types the action can be scoped to; empty when it supports only `"Resource": "*"`. */
  readonly resourceTypes: readonly { readonly name: string; readonly required: boolean }[]
  /** Condition keys the action supports beyond those of its resource types. */
  readonly conditionKeys: readonly string[]
  readonly dependentActions: readonly string[]
}

/** A resource type of a service with its ARN format. */
export interface ResourceTypeInfo {
  readonly service: string
  readonly name: string
  /** E.g. `arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}`. */
  readonly arnFormat: string
  readonly conditionKeys: readonly string[]
}

/** A resource type an action supports, with its ARN format. */
export interface ActionResourceType extends ResourceTypeInfo {
  readonly required: boolean
}

/** A condition key definition. */
export interface ConditionKeyInfo {
  /** The key as the reference spells it, variables included (`aws:PrincipalTag/${TagKey}`). */
  readonly key: string
  readonly type: ConditionKeyType
  /** True for the `aws:` keys every service may support. */
  readonly global: boolean
  /** The service that defines the key; undefined for global keys. */
  readonly service?: string
}

/** Synchronous, case-insensitive lookups over the service authorization reference. */
export interface Catalog {
  /** Every service prefix, sorted. */
  servicePrefixes(): readonly string[]
  /** Whether a service prefix exists (case-insensitive). */
  hasService(prefix: string): boolean
  /** The service's display name (`Amazon S3`), or undefined for an unknown prefix. */
  serviceName(prefix: string): string | undefined
  /** The actions of a service; empty for an unknown prefix. */
  actions(prefix: string): readonly ActionInfo[]
  /** The action named `service:Action` (case-insensitive), or undefined. */
  action(fullName: string): ActionInfo | undefined
  /** The canonical spelling of an action (`IAM:createrole` → `iam:CreateRole`), or undefined. */
  resolveAction(fullName: string): string | undefined
  /** Every action an Action/NotAction entry matches (`s3:Get*`, `*`); wildcard services scan all services. */
  matchActions(pattern: string): readonly ActionInfo[]
  /** The resource types (with ARN formats) an action supports; empty for an unknown action. */
  actionResourceTypes(fullName: string): readonly ActionResourceType[]
  /** The resource types of a service. */
  resourceTypes(prefix: string): readonly ResourceTypeInfo[]
  /** The definition of a condition key, global or service-specific, matching `${TagKey}`-style variables. */
  conditionKey(key: string): ConditionKeyInfo | undefined
  /** Whether a condition-key prefix is known: a service, or a non-service prefix such as `saml`. */
  isConditionKeyPrefix(prefix: string): boolean
}
