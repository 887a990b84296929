import { type ContextValue, compilePolicy, type EvaluablePolicy, parsePolicy } from '../../policy/index.js'
import type { AuthorizationRequest, OperationContext } from '../operation.js'
import { callerAccount, findSecret, type Secret } from './secret.js'
import { resourceTagContext } from './tags.js'

/** The resource policy of a secret, compiled; undefined when it has none (or it no longer parses). */
export function secretPolicy(secret: Secret | undefined): EvaluablePolicy | undefined {
  const text = secret?.attributes.policy
  if (text === undefined) return undefined
  const parsed = parsePolicy(text)
  return parsed.ok ? compilePolicy(parsed.document, 'resource') : undefined
}

/** The ARN a request about a secret that does not exist is authorized on: the ARN without its suffix. */
export function unknownSecretArn(ctx: OperationContext, secretId: string): string {
  return secretId.startsWith('arn:')
    ? secretId
    : `arn:aws:secretsmanager:${ctx.region}:${callerAccount(ctx)}:secret:${secretId}`
}

/**
 * `secretsmanager:<Action>` on the secret a SecretId names, with its tags (`aws:ResourceTag/*`,
 * `secretsmanager:ResourceTag/*`), `secretsmanager:SecretId` and its resource policy.
 */
export async function secretAuthorization(
  ctx: OperationContext,
  action: string,
  secretId: unknown,
  context: Readonly<Record<string, ContextValue>> = {},
): Promise<AuthorizationRequest> {
  const id = String(secretId)
  const secret = await findSecret(ctx, id)
  const resource = secret?.arn ?? unknownSecretArn(ctx, id)
  const resourcePolicy = secretPolicy(secret)
  return {
    action: `secretsmanager:${action}`,
    resource,
    ...(secret ? { resourceAccount: secret.accountId } : {}),
    context: {
      'secretsmanager:SecretId': resource,
      ...(secret ? resourceTagContext(secret.tags, 'secretsmanager') : {}),
      ...context,
    },
    ...(resourcePolicy ? { resourcePolicy } : {}),
  }
}
