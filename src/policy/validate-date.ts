const EPOCH_MAX = 9223372036854775807n
const EPOCH = /^\d+$/
// YYYY[-MM[-DD[Thh:mm[:ss[.fraction]]<zone>]]], zone Z or ±hh[:mm]; T and Z in either case.
const ISO =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:[Zz]|[+-](\d{2})(?::(\d{2}))?))?)?)?$/

/** Inclusive bounds of the numbered ISO groups: month, day, hour, minute, second, zone hours, zone minutes. */
const RANGES: readonly (readonly [number, number])[] = [
  [1, 12],
  [1, 31],
  [0, 23],
  [0, 59],
  [0, 59],
  [0, 23],
  [0, 59],
]

/**
 * Whether IAM's legacy parser accepts `value` as a Date condition value: epoch seconds or a W3C ISO-8601 date.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Date
 */
export function isPolicyDate(value: string): boolean {
  if (EPOCH.test(value)) return value.length <= 19 && BigInt(value) <= EPOCH_MAX
  const match = ISO.exec(value)
  if (match === null) return false
  return RANGES.every(([min, max], i) => {
    const group = match[i + 2]
    if (group === undefined) return true
    const n = Number(group)
    return n >= min && n <= max
  })
}
