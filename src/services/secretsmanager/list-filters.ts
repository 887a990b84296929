import type { Secret } from './secret.js'

/** One ListSecrets filter as the model reads it. */
export interface SecretFilter {
  readonly Key?: string
  readonly Values?: readonly string[]
}

const lower = (text: string) => text.toLowerCase()
const starts = (value: string | undefined, prefix: string, caseless: boolean): boolean =>
  value !== undefined && (caseless ? lower(value).startsWith(lower(prefix)) : value.startsWith(prefix))

/** Whether `secret` has an attribute the filter key looks at that matches one (positive) value. */
function matchesValue(secret: Secret, key: string, value: string): boolean {
  const a = secret.attributes
  switch (key) {
    case 'name':
      return starts(a.name, value, false)
    case 'description':
      return starts(a.description, value, true)
    case 'tag-key':
      return secret.tags.some((t) => starts(t.key, value, false))
    case 'tag-value':
      return secret.tags.some((t) => starts(t.value, value, false))
    case 'primary-region':
      return false
    case 'all': {
      const words = value.split(/\s+/).filter((w) => w.length > 0)
      const fields = [a.name, a.description ?? '', ...secret.tags.flatMap((t) => [t.key, t.value])].map(lower)
      return words.every((word) => fields.some((field) => field.includes(lower(word))))
    }
    default:
      return false
  }
}

/**
 * AWS: values of one filter are alternatives, filters all apply; `name`, `tag-key` and `tag-value` match
 * prefixes case-sensitively, `description` without case, and a value starting with `!` negates.
 */
export function matchesFilters(secret: Secret, filters: readonly SecretFilter[]): boolean {
  return filters.every((filter) => {
    const key = filter.Key ?? ''
    return (filter.Values ?? []).some((value) =>
      value.startsWith('!') ? !matchesValue(secret, key, value.slice(1)) : matchesValue(secret, key, value),
    )
  })
}
