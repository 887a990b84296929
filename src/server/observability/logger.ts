import { type DestinationStream, type Logger, pino } from 'pino'

/** The levels LANYARD_LOG_LEVEL accepts. */
export const LOG_LEVELS: readonly string[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']

/**
 * A JSON logger at `level`, writing synchronously to `destination` (stderr by default, so that the banner on
 * stdout stays readable and no line is lost at shutdown).
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  if (!LOG_LEVELS.includes(level))
    throw new Error(`invalid log level: ${level} (one of ${LOG_LEVELS.join(', ')})`)
  return pino(
    { level, base: { name: 'lanyard' }, timestamp: pino.stdTimeFunctions.isoTime },
    destination ?? pino.destination({ fd: 2, sync: true }),
  )
}
