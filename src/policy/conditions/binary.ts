import { type ConditionOperator, operator } from './operator.js'

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/

/** Decodes base64 and re-encodes it canonically, so equal bytes give equal text; `undefined` if not base64. */
export function canonicalBase64(text: string): string | undefined {
  return BASE64.test(text) ? Buffer.from(text, 'base64').toString('base64') : undefined
}

/** `BinaryEquals`: compares the bytes of a base64 policy value with the request's base64 value. */
export const BinaryEquals: ConditionOperator = operator<string, string>({
  name: 'BinaryEquals',
  negated: false,
  variables: false,
  parseRequest: canonicalBase64,
  parsePolicy: (value) => canonicalBase64(value.text),
  test: (actual, policy) => actual === policy,
})

/** The Binary operators. */
export const BINARY: readonly ConditionOperator[] = [BinaryEquals]
