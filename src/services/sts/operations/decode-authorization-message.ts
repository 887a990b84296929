import type { Operation } from '../../operation.js'
import { openAuthorizationMessage } from '../authorization-message.js'
import { invalidAuthorizationMessage } from '../errors.js'
import type { StsEnv } from '../sts-env.js'

/** STS DecodeAuthorizationMessage: the JSON details of an authorization failure message Lanyard encoded. */
export function decodeAuthorizationMessage(env: StsEnv): Operation {
  return {
    readOnly: true,
    async authorize() {
      return [{ action: 'sts:DecodeAuthorizationMessage', resource: '*' }]
    },
    async run(_ctx, input) {
      const decoded = await openAuthorizationMessage(env.ring, String(input.EncodedMessage))
      if (decoded === undefined) throw invalidAuthorizationMessage()
      return { DecodedMessage: decoded }
    },
  }
}
