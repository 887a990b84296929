import { type Role, UpdateAssumeRolePolicyCommand } from '@aws-sdk/client-iam'
import { useState } from 'react'
import { parsePolicy } from '../../policy/index.js'
import { type Clients, errorText } from '../clients.js'
import { JsonView, prettyJson } from '../components/json-view.js'
import { decodePolicy, trustConditions, trustedEntities } from '../trust.js'

/** The problems the policy parser finds in a trust policy text, one line each; empty when it parses. */
function trustIssues(text: string): string[] {
  const parsed = parsePolicy(text)
  const issues = parsed.ok ? [] : parsed.issues
  const out = issues.map((issue) => `${issue.path === '' ? '' : `${issue.path}: `}${issue.message}`)
  if (
    parsed.ok &&
    parsed.document.statements.some((s) => s.principal === undefined && s.notPrincipal === undefined)
  )
    out.push('Every statement of a trust policy needs a Principal.')
  return out
}

/** The Trust relationships tab: trusted entities, conditions, the JSON, and an editor that validates before saving. */
export function RoleTrust(props: {
  readonly clients: Clients
  readonly role: Role
  readonly onSaved: () => void
}) {
  const text = decodeURIComponent(props.role.AssumeRolePolicyDocument ?? '')
  const document = decodePolicy(props.role.AssumeRolePolicyDocument)
  const [editing, setEditing] = useState(false)
  const [draft, setDraft] = useState('')
  const [problems, setProblems] = useState<string[]>([])
  const [saving, setSaving] = useState(false)
  const save = async () => {
    const found = trustIssues(draft)
    setProblems(found)
    if (found.length > 0) return
    setSaving(true)
    try {
      await props.clients.iam.send(
        new UpdateAssumeRolePolicyCommand({ RoleName: props.role.RoleName, PolicyDocument: draft }),
      )
      setEditing(false)
      props.onSaved()
    } catch (error) {
      setProblems([errorText(error)])
    } finally {
      setSaving(false)
    }
  }
  const entities = trustedEntities(document)
  const conditions = trustConditions(document)
  return (
    <div>
      <h2>Trusted entities</h2>
      <table aria-label="Trusted entities">
        <thead>
          <tr>
            <th scope="col">Type</th>
            <th scope="col">Entity</th>
          </tr>
        </thead>
        <tbody>
          {entities.map((e) => (
            <tr key={`${e.kind}-${e.value}`}>
              <td>{e.kind}</td>
              <td>{e.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Conditions</h2>
      {conditions.length === 0 ? (
        <p>No conditions.</p>
      ) : (
        <table aria-label="Trust conditions">
          <thead>
            <tr>
              <th scope="col">Condition</th>
              <th scope="col">Key</th>
              <th scope="col">Value</th>
            </tr>
          </thead>
          <tbody>
            {conditions.map((c) => (
              <tr key={`${c.operator}-${c.key}`}>
                <td>{c.operator}</td>
                <td>{c.key}</td>
                <td>{c.values.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Trust policy</h2>
      {editing ? (
        <div className="editor">
          <label htmlFor="trust-editor">Trust policy JSON</label>
          <textarea
            id="trust-editor"
            rows={18}
            value={draft}
            spellCheck={false}
            onChange={(event) => setDraft(event.target.value)}
            aria-describedby="trust-problems"
          />
          <div id="trust-problems" role="alert">
            {problems.length > 0 && (
              <ul className="error">
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            )}
          </div>
          <button type="button" onClick={save} disabled={saving}>
            {saving ? 'Saving…' : 'Update policy'}
          </button>{' '}
          <button type="button" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </div>
      ) : (
        <>
          <JsonView value={text} label="Trust policy JSON" />
          <button
            type="button"
            onClick={() => {
              setDraft(prettyJson(text))
              setProblems([])
              setEditing(true)
            }}
          >
            Edit trust policy
          </button>
        </>
      )}
    </div>
  )
}
