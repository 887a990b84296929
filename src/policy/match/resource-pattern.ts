import type { RequestContext } from '../context.js'
import { policyArnComponents } from './resource.js'
import { resolveTemplate, resolveVariable, type Template, templateOf, type VariableRef } from './variables.js'
import { Glob, patternText } from './wildcard.js'

const RESOLVED_LIMIT = 256

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
  /** The template's only variable, when it has exactly one. */
  private readonly single: VariableRef | null = null
  private readonly resolvedGlobs = new Map<string, Glob>()

  /** Compiles `pattern` for a resource or non-resource policy, with or without variables. */
  constructor(pattern: string, resourcePolicy: boolean, variables: boolean) {
    this.all = pattern === '*'
    const parts = this.all ? undefined : policyArnComponents(pattern, resourcePolicy)
    this.never = !this.all && parts === undefined
    if (parts === undefined) return
    this.prefix = parts.slice(0, 5).map((part) => new Glob(patternText(part), true))
    const template = templateOf(parts[5]!, variables)
    const refs = template.filter((part) => typeof part !== 'string')
    if (refs.length === 1) this.single = refs[0]!
    if (refs.length > 0) this.template = template
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
    const glob = this.globFor(context)
    return glob?.test(resource, start) === true
  }

  /**
   * The glob of the substituted pattern. With a single variable the compiled glob is remembered
   * by that variable's value (the context's own string), so repeated callers skip substitution.
   */
  private globFor(context: RequestContext): Glob | undefined {
    const template = this.template!
    if (this.single === null) {
      const resolved = resolveTemplate(template, context)
      return resolved === undefined ? undefined : new Glob(resolved, false)
    }
    const value = resolveVariable(this.single, context)
    if (value === undefined) return undefined
    let glob = this.resolvedGlobs.get(value)
    if (glob === undefined) {
      if (this.resolvedGlobs.size >= RESOLVED_LIMIT) this.resolvedGlobs.clear()
      glob = new Glob(resolveTemplate(template, context)!, false)
      this.resolvedGlobs.set(value, glob)
    }
    return glob
  }
}
