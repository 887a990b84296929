import type { Event } from '@aws-sdk/client-cloudtrail'

/** How `lanyard events` prints events. */
export type EventsOutput = 'json' | 'table'

/** The table's columns: header and width (the last column is not padded). */
const COLUMNS: ReadonlyArray<readonly [string, number]> = [
  ['TIME', 21],
  ['SOURCE', 12],
  ['EVENT', 28],
  ['USER', 16],
  ['ACCOUNT', 13],
  ['SOURCE IP', 16],
  ['ERROR', 0],
]

const row = (cells: readonly string[]): string =>
  cells
    .map((cell, i) => {
      const width = COLUMNS[i]![1]
      return width === 0 ? cell : cell.padEnd(width - 1).slice(0, width - 1)
    })
    .join(' ')
    .trimEnd()

/** The table's header line. */
export const tableHeader = (): string => row(COLUMNS.map(([header]) => header))

function cloudTrailRecord(event: Event): Record<string, unknown> {
  try {
    return JSON.parse(event.CloudTrailEvent ?? '{}') as Record<string, unknown>
  } catch {
    return {}
  }
}

/** The request id of the API call an event records. */
export const requestIdOf = (event: Event): string | undefined => {
  const id = cloudTrailRecord(event).requestID
  return typeof id === 'string' ? id : undefined
}

/** One event as a line: the CloudTrail record as JSON, or a table row. */
export function formatEvent(event: Event, output: EventsOutput): string {
  const record = cloudTrailRecord(event)
  if (output === 'json') return JSON.stringify(record)
  const time = event.EventTime ? event.EventTime.toISOString().replace(/\.\d{3}Z$/, 'Z') : ''
  const source = (event.EventSource ?? '').replace(/\.amazonaws\.com$/, '')
  return row([
    time,
    source,
    event.EventName ?? '',
    event.Username ?? '-',
    String(record.recipientAccountId ?? ''),
    String(record.sourceIPAddress ?? ''),
    String(record.errorCode ?? ''),
  ])
}
