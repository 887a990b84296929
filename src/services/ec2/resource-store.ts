import type {
  CloudResourceRecord,
  CloudResourceRepository,
  Repositories,
  Tag,
  TagFilter,
} from '../../store/index.js'
import { StoreConflict } from '../../store/index.js'
import type { OperationContext } from '../operation.js'
import { ec2Arn } from './arns.js'
import { accountOf } from './authz.js'
import { malformedId, notFound } from './errors.js'
import { isResourceId } from './resource-ids.js'
import { resourceType } from './resource-types.js'

/** Attributes of a stored EC2 resource: its wire shape without the tags. */
export type Attributes = Readonly<Record<string, unknown>>

/** A stored EC2 resource. */
export type Ec2Record<A = Attributes> = CloudResourceRecord<A>

const SERVICE = 'ec2'
const PAGE = 1000

/** An operation context, inside a store transaction when `tx` is set. */
export type Ec2Context = OperationContext & { readonly tx?: Repositories }

/** The resource repository of the context: the transaction's when there is one. */
function repo(ctx: Ec2Context): CloudResourceRepository {
  return ctx.tx?.cloudResources ?? ctx.store.cloudResources
}

/** Runs `work` in one store transaction; the helpers here use it through the context they are given. */
export function inTransaction<T>(ctx: OperationContext, work: (ctx: Ec2Context) => Promise<T>): Promise<T> {
  return ctx.store.transaction((tx) => work(Object.assign({}, ctx, { tx })))
}

/** The key of a resource of the caller's account in the request's region. */
function keyOf(ctx: Ec2Context, type: string, id: string) {
  return { accountId: accountOf(ctx), region: ctx.region, service: SERVICE, type, id }
}

/** The resource, or undefined when there is none with this id. */
export function findResource<A = Attributes>(
  ctx: Ec2Context,
  type: string,
  id: string,
): Promise<Ec2Record<A> | undefined> {
  return repo(ctx).find<A>(keyOf(ctx, type, id))
}

/** Throws the type's Malformed error when `id` is not of its form. */
export function checkId(type: string, id: string): void {
  if (!isResourceId(resourceType(type).prefix, id)) throw malformedId(type, id)
}

/** The resource; the type's Malformed or NotFound error when the id is bad or unknown. */
export async function requireResource<A = Attributes>(
  ctx: Ec2Context,
  type: string,
  id: unknown,
): Promise<Ec2Record<A>> {
  const text = String(id ?? '')
  checkId(type, text)
  const found = await findResource<A>(ctx, type, text)
  if (found === undefined) throw notFound(type, [text])
  return found
}

/** A `listResources` filter with the ids and the tag filters, each only when there is one. */
export function idsAndTags(
  ids: readonly string[],
  tags: readonly TagFilter[],
): { readonly ids?: readonly string[]; readonly tags?: readonly TagFilter[] } {
  if (ids.length === 0) return tags.length === 0 ? {} : { tags }
  return tags.length === 0 ? { ids } : { ids, tags }
}

/** Every resource of a type in the caller's account and region, ordered by id. */
export async function listResources<A = Attributes>(
  ctx: Ec2Context,
  type: string,
  filter: {
    readonly ids?: readonly string[]
    readonly parentId?: string
    readonly tags?: readonly TagFilter[]
  } = {},
): Promise<Ec2Record<A>[]> {
  const out: Ec2Record<A>[] = []
  let after: string | undefined
  do {
    const page = await repo(ctx).list<A>({
      accountId: accountOf(ctx),
      service: SERVICE,
      type,
      region: ctx.region,
      limit: PAGE,
      ...filter,
      ...(after === undefined ? {} : { after }),
    })
    out.push(...page.items)
    after = page.next
  } while (after !== undefined)
  return out
}

/** How many resources of a type the caller's account holds in the region (quotas). */
export function countResources(ctx: Ec2Context, type: string): Promise<number> {
  return repo(ctx).count({
    accountId: accountOf(ctx),
    service: SERVICE,
    type,
    region: ctx.region,
  })
}

/** Stores a new resource; `arnId` names it in the ARN when that differs from the id (key pairs). */
export async function insertResource<A extends object>(
  ctx: Ec2Context,
  type: string,
  resource: { id: string; attributes: A; tags?: readonly Tag[]; parentId?: string; arnId?: string },
): Promise<Ec2Record<A>> {
  const stored = await repo(ctx).insert({
    arn: ec2Arn(ctx.region, accountOf(ctx), type, resource.arnId ?? resource.id),
    accountId: accountOf(ctx),
    region: ctx.region,
    service: SERVICE,
    type,
    id: resource.id,
    attributes: resource.attributes as Attributes,
    tags: resource.tags ?? [],
    ...(resource.parentId === undefined ? {} : { parentId: resource.parentId }),
    at: ctx.now,
  })
  return stored as unknown as Ec2Record<A>
}

/**
 * Rewrites a resource's attributes with `change` under its revision, reading again and retrying when another
 * request changed it in between; `change` may throw to refuse. Undefined when the resource is gone.
 */
export async function updateResource<A = Attributes>(
  ctx: Ec2Context,
  record: Ec2Record<A>,
  change: (current: Ec2Record<A>) => { attributes?: A; tags?: readonly Tag[] },
): Promise<Ec2Record<A> | undefined> {
  let current: Ec2Record<A> | undefined = record
  for (let attempt = 0; current !== undefined; attempt++) {
    try {
      return await repo(ctx).update<A>(
        current.arn,
        Object.assign({}, change(current), { at: ctx.now }),
        current.revision,
      )
    } catch (error) {
      if (!(error instanceof StoreConflict) || attempt >= 5) throw error
      current = await repo(ctx).get<A>(current.arn)
    }
  }
  return undefined
}

/** Deletes a resource; false when it was already gone. */
export function deleteResource(ctx: Ec2Context, record: Ec2Record<unknown>): Promise<boolean> {
  return repo(ctx).delete(record.arn)
}
