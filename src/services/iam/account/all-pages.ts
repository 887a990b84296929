import type { Page, PageRequest } from '../../../store/index.js'

/** Reads every page of a keyset-paginated listing. */
export async function allPages<T>(list: (request: PageRequest) => Promise<Page<T>>): Promise<T[]> {
  const out: T[] = []
  let after: string | undefined
  for (;;) {
    const page = await list({ limit: 1000, ...(after !== undefined ? { after } : {}) })
    out.push(...page.items)
    if (page.next === undefined) return out
    after = page.next
  }
}
