import type { IncomingMessage, Server, ServerResponse } from 'node:http'

/** How often idle keep-alive connections are closed while draining. */
const SWEEP_MS = 25

/** Tracks in-flight requests so that a shutdown can wait for them. */
export class Drain {
  #stopping = false
  #inFlight = 0

  /** True once `close` was called. */
  get stopping(): boolean {
    return this.#stopping
  }

  /** Requests being answered now. */
  get inFlight(): number {
    return this.#inFlight
  }

  /** Wraps a request listener: counts requests, and asks clients to close the connection once stopping. */
  wrap(
    listener: (request: IncomingMessage, response: ServerResponse) => void,
  ): (request: IncomingMessage, response: ServerResponse) => void {
    return (request, response) => {
      this.#inFlight++
      response.once('close', () => this.#inFlight--)
      if (this.#stopping) response.setHeader('connection', 'close')
      listener(request, response)
    }
  }

  /**
   * Stops accepting connections, lets in-flight requests finish, closes idle keep-alive connections, and
   * after `timeoutMs` closes whatever is still open. Resolves once the server is closed.
   */
  close(server: Server, timeoutMs: number): Promise<void> {
    this.#stopping = true
    return new Promise<void>((resolve) => {
      const sweep = setInterval(() => server.closeIdleConnections(), SWEEP_MS)
      const deadline = setTimeout(() => server.closeAllConnections(), timeoutMs)
      server.close(() => {
        clearInterval(sweep)
        clearTimeout(deadline)
        resolve()
      })
      server.closeIdleConnections()
    })
  }
}
