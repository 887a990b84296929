import { type Event, type LookupAttributeKey, LookupEventsCommand } from '@aws-sdk/client-cloudtrail'
import { type FormEvent, useState } from 'react'
import { type Clients, errorText } from '../clients.js'
import { JsonView } from '../components/json-view.js'

/** The audit trail filters. */
interface Filters {
  readonly principal: string
  readonly action: string
  readonly result: 'all' | 'success' | 'failure'
  readonly from: string
  readonly to: string
}

interface Row {
  readonly event: Event
  readonly detail: Record<string, unknown>
}

const MAX_EVENTS = 500

/**
 * Looks events up: the user name or the action goes to CloudTrail as the one lookup attribute LookupEvents
 * takes; the other filter and the result are applied to what comes back.
 */
async function lookUp(clients: Clients, filters: Filters): Promise<Row[]> {
  const attribute: { AttributeKey: LookupAttributeKey; AttributeValue: string } | undefined = filters.action
    ? { AttributeKey: 'EventName', AttributeValue: filters.action }
    : filters.principal
      ? { AttributeKey: 'Username', AttributeValue: filters.principal }
      : undefined
  const rows: Row[] = []
  let token: string | undefined
  do {
    const page = await clients.cloudtrail.send(
      new LookupEventsCommand({
        MaxResults: 50,
        ...(attribute ? { LookupAttributes: [attribute] } : {}),
        ...(filters.from ? { StartTime: new Date(filters.from) } : {}),
        ...(filters.to ? { EndTime: new Date(filters.to) } : {}),
        ...(token ? { NextToken: token } : {}),
      }),
    )
    for (const event of page.Events ?? []) {
      const detail = JSON.parse(event.CloudTrailEvent ?? '{}') as Record<string, unknown>
      const identity = (detail.userIdentity ?? {}) as Record<string, unknown>
      const failed = detail.errorCode !== undefined || detail.errorMessage !== undefined
      if (filters.result === 'success' && failed) continue
      if (filters.result === 'failure' && !failed) continue
      if (filters.action && filters.principal) {
        const who = `${event.Username ?? ''} ${String(identity.arn ?? '')}`.toLowerCase()
        if (!who.includes(filters.principal.toLowerCase())) continue
      }
      rows.push({ event, detail })
    }
    token = page.NextToken
  } while (token && rows.length < MAX_EVENTS)
  return rows
}

/** The audit trail: events filtered by principal, action, result and time, each with its event JSON. */
export function AuditPage(props: { readonly clients: Clients }) {
  const [rows, setRows] = useState<Row[]>()
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const [selected, setSelected] = useState<string>()
  const search = async (event?: FormEvent<HTMLFormElement>) => {
    event?.preventDefault()
    const data = new FormData(document.getElementById('audit-filters') as HTMLFormElement)
    const field = (name: string) => String(data.get(name) ?? '').trim()
    setBusy(true)
    setError(undefined)
    try {
      setRows(
        await lookUp(props.clients, {
          principal: field('principal'),
          action: field('action'),
          result: field('result') as Filters['result'],
          from: field('from'),
          to: field('to'),
        }),
      )
    } catch (thrown) {
      setError(errorText(thrown))
    } finally {
      setBusy(false)
    }
  }
  const chosen = rows?.find((row) => row.event.EventId === selected)
  return (
    <section>
      <h1>Audit trail</h1>
      <form id="audit-filters" className="filters" onSubmit={search} aria-label="Audit trail filters">
        <label htmlFor="principal">User name</label>
        <input id="principal" name="principal" placeholder="e.g. admin" />
        <label htmlFor="action">Action (event name)</label>
        <input id="action" name="action" placeholder="e.g. AssumeRole" />
        <label htmlFor="result">Result</label>
        <select id="result" name="result" defaultValue="all">
          <option value="all">All</option>
          <option value="success">Succeeded</option>
          <option value="failure">Failed</option>
        </select>
        <label htmlFor="from">From</label>
        <input id="from" name="from" type="datetime-local" />
        <label htmlFor="to">To</label>
        <input id="to" name="to" type="datetime-local" />
        <button type="submit" disabled={busy}>
          {busy ? 'Searching…' : 'Search'}
        </button>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {rows && (
        <table aria-label="Events">
          <caption>{rows.length} events</caption>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Event</th>
              <th scope="col">Source</th>
              <th scope="col">User name</th>
              <th scope="col">Result</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ event, detail }) => (
              <tr key={event.EventId}>
                <td>{event.EventTime?.toISOString()}</td>
                <td>
                  <button
                    type="button"
                    className="linkish"
                    aria-expanded={selected === event.EventId}
                    onClick={() => setSelected(event.EventId)}
                  >
                    {event.EventName}
                  </button>
                </td>
                <td>{event.EventSource}</td>
                <td>{event.Username ?? ''}</td>
                <td>{String(detail.errorCode ?? detail.errorMessage ?? 'Success')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {chosen && (
        <section aria-label="Event detail">
          <h2>
            {chosen.event.EventName} at {chosen.event.EventTime?.toISOString()}
          </h2>
          <JsonView value={chosen.detail} label="Event JSON" />
        </section>
      )}
    </section>
  )
}
