import type { Operation } from '../../../operation.js'
import { onResource } from '../../authz.js'
import { validationError } from '../../errors.js'
import { loadNamed, saveClassic } from '../loader.js'
import type { ClassicHealthCheck } from '../records.js'

/** AWS: `TCP:<port>`, `SSL:<port>`, or `HTTP:<port>/<path>` / `HTTPS:<port>/<path>`. */
const TARGET = /^(?:(?:TCP|SSL):\d{1,5}|(?:HTTP|HTTPS):\d{1,5}\/.*)$/i

/** ELB ConfigureHealthCheck: replaces the health check of a classic load balancer. */
export const configureHealthCheck: Operation = {
  async authorize(ctx, input) {
    return [onResource('ConfigureHealthCheck', await loadNamed(ctx, input))]
  },
  async run(ctx, input) {
    const lb = await loadNamed(ctx, input)
    const healthCheck = input.HealthCheck as ClassicHealthCheck
    if (!TARGET.test(healthCheck.Target)) throw validationError(`Invalid target: ${healthCheck.Target}`)
    if (healthCheck.Timeout >= healthCheck.Interval)
      throw validationError('HealthCheck Timeout must be less than Interval')
    await saveClassic(ctx, lb, Object.assign({}, lb.attributes, { healthCheck }))
    return { HealthCheck: healthCheck }
  },
}
