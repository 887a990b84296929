import type { PipelineEnv } from './environment.js'
import type { Exchange } from './exchange.js'
import type { Step } from './step.js'
import { authenticate } from './steps/authenticate.js'
import { authorize } from './steps/authorize.js'
import { dispatch } from './steps/dispatch.js'
import { parseInput } from './steps/parse-input.js'
import { renderError, toAwsError } from './steps/render-error.js'
import { resolveOperation } from './steps/resolve-operation.js'
import { resolveService } from './steps/resolve-service.js'
import { serializeOutput } from './steps/serialize-output.js'

/** The request pipeline, in order. The body is read before it starts; audit and metrics run after it. */
export const STEPS: readonly Step[] = [
  resolveService,
  resolveOperation,
  authenticate,
  parseInput,
  authorize,
  dispatch,
  serializeOutput,
]

/** Runs `steps` over the exchange; a thrown error becomes the AWS error response. Never throws. */
export async function runPipeline(
  exchange: Exchange,
  env: PipelineEnv,
  steps: readonly Step[] = STEPS,
): Promise<void> {
  try {
    for (const step of steps) {
      await step.run(exchange, env)
      if (exchange.response !== undefined) return
    }
  } catch (thrown) {
    exchange.error = toAwsError(thrown)
    if (exchange.error.status >= 500) exchange.cause = thrown
    renderError(exchange)
  }
}

/** The steps without the one named `name`; for tests that swap a step by name. */
export function withoutStep(name: string, steps: readonly Step[] = STEPS): readonly Step[] {
  return steps.filter((step) => step.name !== name)
}
