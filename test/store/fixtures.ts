import type { GroupRecord, Repositories, RoleRecord, Store, UserRecord } from '../../src/store/index.js'

/** The account most tests use. */
export const ACCOUNT = '111122223333'
/** A second account. */
export const OTHER_ACCOUNT = '444455556666'
/** A fixed instant; tests add seconds to it. */
export const T0 = new Date('2026-01-02T03:04:05.678Z')

/** `T0` plus `seconds`. */
export const at = (seconds: number): Date => new Date(T0.getTime() + seconds * 1000)

/** Creates the two test accounts. */
export async function seedAccounts(store: Store): Promise<void> {
  await store.accounts.insert({ id: ACCOUNT, name: 'main', createdAt: T0 })
  await store.accounts.insert({ id: OTHER_ACCOUNT, name: 'other', createdAt: T0 })
}

/** Inserts a user with defaults. */
export function addUser(
  store: Repositories,
  id: string,
  name: string,
  extra: Partial<UserRecord> = {},
): Promise<UserRecord> {
  return store.users.insert({ id, accountId: ACCOUNT, name, path: '/', tags: [], createdAt: T0, ...extra })
}

/** Inserts a group with defaults. */
export function addGroup(
  store: Repositories,
  id: string,
  name: string,
  extra: Partial<GroupRecord> = {},
): Promise<GroupRecord> {
  return store.groups.insert({ id, accountId: ACCOUNT, name, path: '/', createdAt: T0, ...extra })
}

/** A trust policy for tests. */
export const TRUST =
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}'

/** Inserts a role with defaults. */
export function addRole(
  store: Repositories,
  id: string,
  name: string,
  extra: Partial<RoleRecord> = {},
): Promise<RoleRecord> {
  return store.roles.insert({
    id,
    accountId: ACCOUNT,
    name,
    path: '/',
    trustPolicy: TRUST,
    maxSessionDuration: 3600,
    tags: [],
    createdAt: T0,
    ...extra,
  })
}

/** Inserts a customer-managed policy named `name` in ACCOUNT. */
export function addPolicy(store: Repositories, id: string, name: string, path = '/') {
  return store.policies.insert({
    id,
    accountId: ACCOUNT,
    arn: `arn:aws:iam::${ACCOUNT}:policy${path}${name}`,
    name,
    path,
    document: `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*","Sid":"${name}"}]}`,
    tags: [],
    createdAt: T0,
  })
}
