import { GetCallerIdentityCommand } from '@aws-sdk/client-sts'
import type { RosaClients } from './rosa-clients.js'

/** The caller's account and partition (sts:GetCallerIdentity), as rosa reads them before any IAM call. */
export interface Caller {
  readonly account: string
  readonly partition: string
  readonly arn: string
}

/** Calls sts:GetCallerIdentity. */
export async function getCaller(clients: RosaClients): Promise<Caller> {
  const identity = await clients.sts.send(new GetCallerIdentityCommand({}))
  const arn = identity.Arn ?? ''
  return { account: identity.Account ?? '', partition: arn.split(':')[1] || 'aws', arn }
}
