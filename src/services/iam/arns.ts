/** The partition every Lanyard ARN uses. */
export const PARTITION = 'aws'

/** `arn:aws:iam::A:user/path/name`. */
export const userArn = (account: string, path: string, name: string): string =>
  `arn:${PARTITION}:iam::${account}:user${path}${name}`

/** `arn:aws:iam::A:role/path/name`. */
export const roleArn = (account: string, path: string, name: string): string =>
  `arn:${PARTITION}:iam::${account}:role${path}${name}`

/** `arn:aws:iam::A:group/path/name`. */
export const groupArn = (account: string, path: string, name: string): string =>
  `arn:${PARTITION}:iam::${account}:group${path}${name}`

/** `arn:aws:iam::A:policy/path/name`; AWS-managed policies use the account `aws`. */
export const policyArn = (account: string, path: string, name: string): string =>
  `arn:${PARTITION}:iam::${account}:policy${path}${name}`

/** `arn:aws:iam::A:root`. */
export const rootArn = (account: string): string => `arn:${PARTITION}:iam::${account}:root`
