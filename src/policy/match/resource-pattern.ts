import type { RequestContext } from '../context.js'
import { policyArnComponents } from './resource.js'
import { hasVariables, resolveTemplate, type Template, templateOf } from './variables.js'
import { Glob, patternText } from './wildcard.js'

/**
 * Finds the first five colons of `resource` and writes their positions into `colons`;
 * returns false (and leaves `colons` unspecified) when there are fewer than five.
 */
export function findArnColons(resource: string, colons: Int32Array): boolean {
  let from = 0
  for (let i = 0; i < 5; i++) {
    const colon = resource.indexOf(':', from)
    if (colon < 0) return false
    colons[i] = colon
    from = colon + 1
  }
  return true
}

/** A Resource entry compiled once: pre-split, each component a {@link Glob}. */
export class ResourcePattern {
  private readonly all: boolean
  private readonly never: boolean
  private readonly prefix: readonly Glob[] = []
  private readonly resource: Glob | null = null
  private readonly template: Template | null = null

  /** Compiles `pattern` for a resource or non-resource policy, with or without variables. */
  constructor(pattern: string, resourcePolicy: boolean, variables: boolean) {
    this.all = pattern === '*'
    const parts = this.all ? undefined : policyArnComponents(pattern, resourcePolicy)
    this.never = !this.all && parts === undefined
    if (parts === undefined) return
    this.prefix = parts.slice(0, 5).map((part) => new Glob(patternText(part), true))
    const template = templateOf(parts[5]!, variables)
    if (hasVariables(template)) this.template = template
    else this.resource = new Glob(patternText(parts[5]!), false)
  }

  /**
   * Whether the entry matches `resource`; `colons` holds its first five colon positions
   * (from {@link findArnColons}) or `null` when it has fewer.
   */
  test(resource: string, colons: Int32Array | null, context: RequestContext): boolean {
    if (this.all) return true
    if (this.never || colons === null) return false
    const prefix = this.prefix
    let start = 0
    for (let i = 0; i < 5; i++) {
      const colon = colons[i]!
      if (!prefix[i]!.test(resource, start, colon)) return false
      start = colon + 1
    }
    if (this.resource !== null) return this.resource.test(resource, start)
    const resolved = resolveTemplate(this.template!, context)
    return resolved !== undefined && new Glob(resolved, false).test(resource, start)
  }
}
