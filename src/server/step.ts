import type { PipelineEnv } from './environment.js'
import type { Exchange } from './exchange.js'

/** One named step of the request pipeline; it ends the pipeline early by setting `response` or throwing. */
export interface Step {
  readonly name: string
  run(exchange: Exchange, env: PipelineEnv): void | Promise<void>
}
