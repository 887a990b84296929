import { useState } from 'react'
import {
  type PolicySummary,
  type ServiceSummaryRow,
  summarizePolicy,
  summarizeService,
} from '../../catalog/index.js'
import { parsePolicy } from '../../policy/index.js'
import { loadConsoleCatalog } from '../catalog.js'
import { JsonView } from './json-view.js'
import { LoadStatus } from './status.js'
import { useLoad } from './use-load.js'

function SummaryRows(props: {
  readonly title: string
  readonly rows: readonly ServiceSummaryRow[]
  readonly onOpen: (service: string) => void
}) {
  if (props.rows.length === 0) return null
  return (
    <table className="summary" aria-label={`${props.title} services`}>
      <caption>
        {props.title} ({props.rows.length} services)
      </caption>
      <thead>
        <tr>
          <th scope="col">Service</th>
          <th scope="col">Access level</th>
          <th scope="col">Resource</th>
          <th scope="col">Request condition</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr key={`${row.effect}-${row.service}`} data-service={row.service}>
            <th scope="row">
              <button type="button" className="linkish" onClick={() => props.onOpen(row.service)}>
                {row.serviceName}
              </button>
            </th>
            <td>{row.accessLevel}</td>
            <td>{row.resource}</td>
            <td>{row.requestCondition}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function ServiceDetail(props: {
  readonly document: string
  readonly service: string
  readonly onBack: () => void
}) {
  const state = useLoad(async () => {
    const catalog = await loadConsoleCatalog()
    const parsed = parsePolicy(props.document)
    if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('; '))
    return summarizeService(parsed.document, catalog, props.service)
  }, [props.document, props.service])
  const summary = state.data
  return (
    <div className="service-detail">
      <button type="button" onClick={props.onBack}>
        ← All services
      </button>
      <LoadStatus state={state} what="the service summary" />
      {summary && (
        <>
          <h4>
            {summary.serviceName} ({summary.service})
          </h4>
          {(['deny', 'allow'] as const).map((effect) =>
            summary[effect].length === 0 ? null : (
              <table key={effect} className="actions" aria-label={`${summary.service} ${effect} actions`}>
                <caption>
                  {effect === 'allow' ? 'Allow' : 'Explicit deny'} ({summary[effect].length} actions)
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Action</th>
                    <th scope="col">Access level</th>
                    <th scope="col">Resource</th>
                    <th scope="col">Request condition</th>
                  </tr>
                </thead>
                <tbody>
                  {summary[effect].map((row) => (
                    <tr key={row.fullName}>
                      <th scope="row">{row.action}</th>
                      <td>{row.accessLevel}</td>
                      <td>{row.resource}</td>
                      <td>{row.requestCondition}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ),
          )}
          {summary.uncategorizedActions.length > 0 && (
            <p>Uncategorized actions: {summary.uncategorizedActions.join(', ')}</p>
          )}
        </>
      )}
    </div>
  )
}

/** The IAM console's policy summary of one document, with a per-service drill-down and the JSON view. */
export function PolicySummaryView(props: { readonly document: string; readonly name: string }) {
  const [view, setView] = useState<'summary' | 'json'>('summary')
  const [service, setService] = useState<string>()
  const state = useLoad(async (): Promise<PolicySummary> => {
    const catalog = await loadConsoleCatalog()
    const parsed = parsePolicy(props.document)
    if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('; '))
    return summarizePolicy(parsed.document, catalog)
  }, [props.document])
  return (
    <div className="policy-view">
      <fieldset className="segmented">
        <legend className="visually-hidden">View of {props.name}</legend>
        <label>
          <input type="radio" checked={view === 'summary'} onChange={() => setView('summary')} />
          Summary
        </label>
        <label>
          <input type="radio" checked={view === 'json'} onChange={() => setView('json')} />
          JSON
        </label>
      </fieldset>
      {view === 'json' ? (
        <JsonView value={props.document} label={`${props.name} JSON`} />
      ) : service ? (
        <ServiceDetail document={props.document} service={service} onBack={() => setService(undefined)} />
      ) : (
        <>
          <LoadStatus state={state} what="the policy summary" />
          {state.data && (
            <>
              <SummaryRows title="Explicit deny" rows={state.data.deny} onOpen={setService} />
              <SummaryRows title="Allow" rows={state.data.allow} onOpen={setService} />
              {state.data.uncategorized.length > 0 && (
                <p>
                  Uncategorized services:{' '}
                  {state.data.uncategorized.map((u) => `${u.service} (${u.reason})`).join(', ')}
                </p>
              )}
              {state.data.allow.length + state.data.deny.length === 0 && (
                <p>The policy grants or denies no actions.</p>
              )}
            </>
          )}
        </>
      )}
    </div>
  )
}
