import { AwsError } from '../../../kernel/aws-error.js'
import { validationError } from '../errors.js'
import type { ClassicListener } from './records.js'

const PROTOCOLS = ['HTTP', 'HTTPS', 'TCP', 'SSL']

/** AWS: the instance protocol defaults to the listener's family: HTTP behind HTTP(S), TCP behind TCP/SSL. */
const defaultInstanceProtocol = (protocol: string): string =>
  protocol === 'HTTP' || protocol === 'HTTPS' ? 'HTTP' : 'TCP'

/** The model-validated `Listeners` member, with protocols upper-cased and defaults filled in. */
export function inputListeners(input: Record<string, unknown>): ClassicListener[] {
  const listeners = (Array.isArray(input.Listeners) ? input.Listeners : []) as Record<string, unknown>[]
  return listeners.map((l) => {
    const protocol = String(l.Protocol).toUpperCase()
    if (!PROTOCOLS.includes(protocol))
      throw new AwsError('UnsupportedProtocol', 400, `Protocol ${String(l.Protocol)} is not supported`)
    const instanceProtocol =
      typeof l.InstanceProtocol === 'string'
        ? l.InstanceProtocol.toUpperCase()
        : defaultInstanceProtocol(protocol)
    if ((protocol === 'HTTPS' || protocol === 'SSL') && typeof l.SSLCertificateId !== 'string')
      throw validationError('SSLCertificateId is required for HTTPS or SSL protocol')
    return {
      Protocol: protocol,
      LoadBalancerPort: Number(l.LoadBalancerPort),
      InstanceProtocol: instanceProtocol,
      InstancePort: Number(l.InstancePort),
      ...(typeof l.SSLCertificateId === 'string' ? { SSLCertificateId: l.SSLCertificateId } : {}),
    }
  })
}

const same = (a: ClassicListener, b: ClassicListener): boolean => JSON.stringify(a) === JSON.stringify(b)

/**
 * `current` with `added` listeners; an identical listener is kept once. AWS: another listener on a port in use
 * is DuplicateListener.
 */
export function mergeListeners(
  name: string,
  current: readonly ClassicListener[],
  added: readonly ClassicListener[],
) {
  const merged = [...current]
  for (const listener of added) {
    const existing = merged.find((l) => l.LoadBalancerPort === listener.LoadBalancerPort)
    if (existing === undefined) merged.push(listener)
    else if (!same(existing, listener))
      throw new AwsError(
        'DuplicateListener',
        400,
        `A listener already exists for ${name} with LoadBalancerPort ${listener.LoadBalancerPort}, but with a different InstancePort, Protocol, or SSLCertificateId`,
      )
  }
  return merged.sort((a, b) => a.LoadBalancerPort - b.LoadBalancerPort)
}
