import { type Compilable, CompiledQuery, type Kysely } from 'kysely'
import type { SqlContext } from './context.js'
import type { Database } from './database.js'

/** Where a compiled parameter comes from: the caller's argument at an index, or a constant of the query. */
type Source = { readonly argument: number } | { readonly constant: unknown }

interface Compiled {
  readonly sql: string
  readonly sources: readonly Source[]
}

/**
 * A query built and compiled once per SQL dialect, then run with new arguments: Kysely builds and compiles its
 * syntax tree on every call, which costs more than SQLite's own work for a lookup by key. `build` is called once
 * with a marker string per argument; every compiled parameter is then either one of the markers (replaced by that
 * argument at each call) or a constant of the query (kept). Throws on first use when an argument is transformed
 * before it is bound, since its marker would then not be found.
 */
export function precompiled<A extends readonly unknown[], R>(
  arity: A['length'],
  build: (db: Kysely<Database>, ...markers: string[]) => Compilable<R>,
): (ctx: SqlContext, ...args: A) => CompiledQuery<R> {
  // Per dialect object: a transaction's context shares its dialect with the store's.
  const byDialect = new WeakMap<object, Compiled>()
  const compile = (ctx: SqlContext): Compiled => {
    const markers = Array.from({ length: arity }, (_, i) => `\u0000precompiled-argument-${i}\u0000`)
    const { sql, parameters } = build(ctx.db, ...markers).compile()
    const sources: Source[] = parameters.map((value) => {
      const argument = markers.indexOf(value as string)
      return argument >= 0 ? { argument } : { constant: value }
    })
    for (let i = 0; i < arity; i++)
      if (!sources.some((s) => 'argument' in s && s.argument === i))
        throw new Error(`precompiled: argument ${i} is not bound as a parameter of: ${sql}`)
    const compiled = { sql, sources }
    byDialect.set(ctx.dialect, compiled)
    return compiled
  }
  return (ctx, ...args) => {
    const { sql, sources } = byDialect.get(ctx.dialect) ?? compile(ctx)
    return CompiledQuery.raw(
      sql,
      sources.map((s) => ('argument' in s ? args[s.argument] : s.constant)),
    ) as CompiledQuery<R>
  }
}
