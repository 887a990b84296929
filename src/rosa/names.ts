/** rosa's prefix rule: at most 32 characters of `[\w+=,.@-]`. */
const PREFIX = /^[\w+=,.@-]{1,32}$/
/** rosa's `--path` rule. */
const PATH = /^\/[a-zA-Z0-9/]*\/$/

/** Throws a message naming the fix when the prefix is not one rosa accepts. */
export function checkPrefix(prefix: string, flag = '--prefix'): void {
  if (!PREFIX.test(prefix))
    throw new Error(`${flag} '${prefix}' is invalid: use 1 to 32 characters of [A-Za-z0-9_+=,.@-]`)
  if (prefix.endsWith('-HCP'))
    throw new Error(`${flag} '${prefix}' ends with -HCP, which rosa reserves for HCP roles`)
}

/** Throws a message naming the fix when the path is not one rosa accepts (`/`, rosa's no-path default, is). */
export function checkPath(path: string): void {
  if (path !== '/' && !PATH.test(path))
    throw new Error(`--path '${path}' is invalid: it must start and end with / (e.g. /rosa/)`)
}

/** A role name cut to IAM's 64 characters (ocm-common GetRoleName). */
export function cutRoleName(name: string): string {
  return name.slice(0, 64)
}

/** `<prefix>-<suffix>-Role`, cut to 64 characters. */
export function accountRoleName(prefix: string, suffix: string): string {
  return cutRoleName(`${prefix}-${suffix}-Role`)
}

/** The ARN of a customer-managed policy. */
export function policyArn(partition: string, account: string, path: string, name: string): string {
  return `arn:${partition}:iam::${account}:policy${path}${name}`
}

/** The ARN of a role. */
export function roleArn(partition: string, account: string, path: string, name: string): string {
  return `arn:${partition}:iam::${account}:role${path}${name}`
}

/** `<operator prefix>-<namespace>-<secret>`, cut to 64 characters (both role and policy names use this rule). */
export function operatorName(prefix: string, namespace: string, secret: string): string {
  return cutRoleName(`${prefix}-${namespace}-${secret}`)
}
