import {
  GetPolicyVersionCommand,
  type Policy,
  type PolicyScopeType,
  paginateListPolicies,
} from '@aws-sdk/client-iam'
import { useState } from 'react'
import type { Clients } from '../clients.js'
import { PolicySummaryView } from '../components/policy-summary.js'
import { LoadStatus } from '../components/status.js'
import { useLoad } from '../components/use-load.js'

function PolicyDetail(props: { readonly clients: Clients; readonly policy: Policy }) {
  const state = useLoad(async () => {
    const got = await props.clients.iam.send(
      new GetPolicyVersionCommand({ PolicyArn: props.policy.Arn, VersionId: props.policy.DefaultVersionId }),
    )
    return decodeURIComponent(got.PolicyVersion?.Document ?? '')
  }, [props.clients, props.policy.Arn])
  return (
    <section aria-label={`Policy ${props.policy.PolicyName}`}>
      <h2>{props.policy.PolicyName}</h2>
      <p className="muted">{props.policy.Arn}</p>
      <LoadStatus state={state} what="the policy document" />
      {state.data !== undefined && (
        <PolicySummaryView document={state.data} name={props.policy.PolicyName ?? ''} />
      )}
    </section>
  )
}

/** Managed policies: customer managed or AWS managed, searchable, each with its summary and JSON. */
export function PoliciesPage(props: { readonly clients: Clients }) {
  const [scope, setScope] = useState<PolicyScopeType>('Local')
  const [search, setSearch] = useState('')
  const [selected, setSelected] = useState<string>()
  const state = useLoad(async () => {
    const out: Policy[] = []
    for await (const page of paginateListPolicies({ client: props.clients.iam }, { Scope: scope }))
      out.push(...(page.Policies ?? []))
    return out
  }, [props.clients, scope])
  const term = search.trim().toLowerCase()
  const policies = (state.data ?? []).filter((p) => (p.PolicyName ?? '').toLowerCase().includes(term))
  const chosen = state.data?.find((p) => p.Arn === selected)
  return (
    <section>
      <h1>Policies</h1>
      <div className="filters">
        <label htmlFor="policy-scope">Type</label>
        <select id="policy-scope" value={scope} onChange={(e) => setScope(e.target.value as PolicyScopeType)}>
          <option value="Local">Customer managed</option>
          <option value="AWS">AWS managed</option>
        </select>
        <label htmlFor="policy-search">Search policies</label>
        <input id="policy-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
      </div>
      <LoadStatus state={state} what="policies" />
      {state.data && (
        <table aria-label="Policies">
          <caption>
            {Math.min(policies.length, 200)} of {state.data.length} policies
          </caption>
          <thead>
            <tr>
              <th scope="col">Policy name</th>
              <th scope="col">Attachments</th>
              <th scope="col">Description</th>
            </tr>
          </thead>
          <tbody>
            {policies.slice(0, 200).map((p) => (
              <tr key={p.Arn}>
                <th scope="row">
                  <button
                    type="button"
                    className="linkish"
                    aria-expanded={selected === p.Arn}
                    onClick={() => setSelected(p.Arn)}
                  >
                    {p.PolicyName}
                  </button>
                </th>
                <td>{p.AttachmentCount ?? 0}</td>
                <td>{p.Description ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {chosen && <PolicyDetail clients={props.clients} policy={chosen} />}
    </section>
  )
}
