import type { Page, PageRequest, Tag } from './records.js'

/**
 * One resource of the cloud services (an EC2 VPC or instance, a load balancer, a hosted zone, a
 * secret, …): identity columns the store indexes, and the service's own attributes as JSON.
 */
export interface CloudResourceRecord<A = Readonly<Record<string, unknown>>> {
  /** The resource ARN; unique across accounts (S3 bucket names and hosted zone ids are global). */
  readonly arn: string
  readonly accountId: string
  /** The region; empty for global resources (Route 53). */
  readonly region: string
  /** The ARN service, e.g. `ec2`, `elasticloadbalancing`, `route53`, `secretsmanager`. */
  readonly service: string
  /** The service's resource type, e.g. `vpc`, `instance`, `loadbalancer/net`. */
  readonly type: string
  /** The id or name callers use; unique per account, region, service and type. */
  readonly id: string
  /** The id of the containing resource (a subnet's VPC), for listing children. */
  readonly parentId?: string
  readonly attributes: A
  readonly tags: readonly Tag[]
  readonly createdAt: Date
  readonly updatedAt: Date
  /** Starts at 1; every update adds 1. */
  readonly revision: number
}

/** What `insert` needs; times and revision are set by the store. */
export type NewCloudResource<A = Readonly<Record<string, unknown>>> = Omit<
  CloudResourceRecord<A>,
  'createdAt' | 'updatedAt' | 'revision'
> & { readonly at: Date }

/** Where to find one resource by its id. */
export interface CloudResourceKey {
  readonly accountId: string
  readonly region: string
  readonly service: string
  readonly type: string
  readonly id: string
}

/** A tag filter: the key with one of `values`, or with any value when `values` is empty. */
export interface TagFilter {
  readonly key: string
  readonly values: readonly string[]
}

/** Filters of `list`; every given filter must match. Items come ordered by id. */
export interface CloudResourceQuery extends PageRequest {
  readonly accountId: string
  readonly service: string
  readonly type: string
  /** Only this region; every region when absent. */
  readonly region?: string
  readonly ids?: readonly string[]
  readonly parentId?: string
  readonly tags?: readonly TagFilter[]
}

/** Filters of `tagged` (the Resource Groups Tagging API); items come ordered by ARN. */
export interface TaggedResourceQuery extends PageRequest {
  readonly accountId: string
  readonly region?: string
  /** `service` or `service:type` entries; any resource when absent. */
  readonly types?: readonly string[]
  readonly tags?: readonly TagFilter[]
}

/** A change to a stored resource; absent fields keep their value. */
export interface CloudResourceChange<A = Readonly<Record<string, unknown>>> {
  readonly attributes?: A
  readonly tags?: readonly Tag[]
  readonly parentId?: string | null
  readonly at: Date
}

/** The resources of the cloud services. */
export interface CloudResourceRepository {
  /** Stores a new resource; `StoreConflict` when its ARN or its key is taken. */
  insert<A extends Readonly<Record<string, unknown>>>(
    resource: NewCloudResource<A>,
  ): Promise<CloudResourceRecord<A>>
  get<A = Readonly<Record<string, unknown>>>(arn: string): Promise<CloudResourceRecord<A> | undefined>
  find<A = Readonly<Record<string, unknown>>>(
    key: CloudResourceKey,
  ): Promise<CloudResourceRecord<A> | undefined>
  list<A = Readonly<Record<string, unknown>>>(
    query: CloudResourceQuery,
  ): Promise<Page<CloudResourceRecord<A>>>
  /**
   * Applies `change`; undefined when the resource is gone. With `expectedRevision`, a resource
   * changed since that revision is left alone and `StoreConflict` is thrown.
   */
  update<A = Readonly<Record<string, unknown>>>(
    arn: string,
    change: CloudResourceChange<A>,
    expectedRevision?: number,
  ): Promise<CloudResourceRecord<A> | undefined>
  /** Deletes a resource; false when it was not there. */
  delete(arn: string): Promise<boolean>
  /** How many resources of a type an account holds (quotas), in one region or in all. */
  count(query: { accountId: string; service: string; type: string; region?: string }): Promise<number>
  /** Resources of any service carrying matching tags. */
  tagged(query: TaggedResourceQuery): Promise<Page<CloudResourceRecord>>
}
