/** The name of the existence operator, which takes neither IfExists nor a set prefix. */
export const NULL_OPERATOR = 'Null'

/** `Null`: `true` holds when the key is absent, `false` when it is present; other values never hold. */
export function nullHolds(present: boolean, policyValue: string): boolean {
  const lower = policyValue.toLowerCase()
  return lower === 'true' ? !present : lower === 'false' ? present : false
}
