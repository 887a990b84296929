import {
  type EvaluationResult,
  SimulateCustomPolicyCommand,
  SimulatePrincipalPolicyCommand,
} from '@aws-sdk/client-iam'
import { type FormEvent, useState } from 'react'
import { type Clients, errorText } from '../clients.js'

const split = (text: string): string[] =>
  text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean)

/** The policy simulator: SimulatePrincipalPolicy for a user or role, or SimulateCustomPolicy for a document. */
export function SimulatorPage(props: { readonly clients: Clients }) {
  const [mode, setMode] = useState<'principal' | 'custom'>('principal')
  const [results, setResults] = useState<EvaluationResult[]>()
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const run = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const data = new FormData(event.currentTarget)
    const field = (name: string) => String(data.get(name) ?? '').trim()
    const common = {
      ActionNames: split(field('actions')),
      ResourceArns: split(field('resources')).length > 0 ? split(field('resources')) : ['*'],
    }
    setBusy(true)
    setError(undefined)
    try {
      const answer =
        mode === 'principal'
          ? await props.clients.iam.send(
              new SimulatePrincipalPolicyCommand({ PolicySourceArn: field('principalArn'), ...common }),
            )
          : await props.clients.iam.send(
              new SimulateCustomPolicyCommand({ PolicyInputList: [field('policy')], ...common }),
            )
      setResults(answer.EvaluationResults ?? [])
    } catch (thrown) {
      setError(errorText(thrown))
      setResults(undefined)
    } finally {
      setBusy(false)
    }
  }
  return (
    <section>
      <h1>Policy simulator</h1>
      <fieldset className="segmented">
        <legend>Simulate</legend>
        <label>
          <input type="radio" checked={mode === 'principal'} onChange={() => setMode('principal')} />A user's
          or role's policies
        </label>
        <label>
          <input type="radio" checked={mode === 'custom'} onChange={() => setMode('custom')} />A policy
          document
        </label>
      </fieldset>
      <form onSubmit={run} className="stacked" aria-label="Simulation">
        {mode === 'principal' ? (
          <>
            <label htmlFor="principalArn">User or role ARN</label>
            <input id="principalArn" name="principalArn" required spellCheck={false} />
          </>
        ) : (
          <>
            <label htmlFor="policy">Policy JSON</label>
            <textarea id="policy" name="policy" rows={10} required spellCheck={false} />
          </>
        )}
        <label htmlFor="actions">Actions (separated by spaces or commas)</label>
        <input
          id="actions"
          name="actions"
          required
          placeholder="s3:GetObject iam:ListRoles"
          spellCheck={false}
        />
        <label htmlFor="resources">Resource ARNs (optional; * when empty)</label>
        <input id="resources" name="resources" spellCheck={false} />
        <button type="submit" disabled={busy}>
          {busy ? 'Running…' : 'Run simulation'}
        </button>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {results && (
        <table aria-label="Simulation results">
          <thead>
            <tr>
              <th scope="col">Action</th>
              <th scope="col">Resource</th>
              <th scope="col">Decision</th>
              <th scope="col">Decided by</th>
            </tr>
          </thead>
          <tbody>
            {results.map((r) => (
              <tr key={`${r.EvalActionName}-${r.EvalResourceName}`} data-action={r.EvalActionName}>
                <td>{r.EvalActionName}</td>
                <td>{r.EvalResourceName}</td>
                <td className={r.EvalDecision === 'allowed' ? 'ok' : 'bad'}>{r.EvalDecision}</td>
                <td>
                  {(r.MatchedStatements ?? []).length === 0
                    ? 'No statement matched'
                    : (r.MatchedStatements ?? [])
                        .map(
                          (m) =>
                            `${m.SourcePolicyId ?? m.SourcePolicyType ?? 'policy'} (line ${m.StartPosition?.Line ?? '?'}, column ${m.StartPosition?.Column ?? '?'})`,
                        )
                        .join('; ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
