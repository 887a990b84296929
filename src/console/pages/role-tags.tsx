import { ListRoleTagsCommand, type Role, TagRoleCommand, UntagRoleCommand } from '@aws-sdk/client-iam'
import { type FormEvent, useState } from 'react'
import { type Clients, errorText } from '../clients.js'
import { LoadStatus } from '../components/status.js'
import { useLoad } from '../components/use-load.js'

/** The Tags tab: the role's tags; add or replace one, remove one. */
export function RoleTags(props: { readonly clients: Clients; readonly role: Role }) {
  const state = useLoad(
    async () =>
      (await props.clients.iam.send(new ListRoleTagsCommand({ RoleName: props.role.RoleName }))).Tags ?? [],
    [props.clients, props.role.RoleName],
  )
  const [error, setError] = useState<string>()
  const run = async (action: () => Promise<unknown>) => {
    setError(undefined)
    try {
      await action()
      state.reload()
    } catch (thrown) {
      setError(errorText(thrown))
    }
  }
  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = event.currentTarget
    const data = new FormData(form)
    void run(async () => {
      await props.clients.iam.send(
        new TagRoleCommand({
          RoleName: props.role.RoleName,
          Tags: [{ Key: String(data.get('key') ?? ''), Value: String(data.get('value') ?? '') }],
        }),
      )
      form.reset()
    })
  }
  return (
    <div>
      <h2>Tags</h2>
      <LoadStatus state={state} what="tags" />
      {state.data && state.data.length === 0 && <p>No tags.</p>}
      {state.data && state.data.length > 0 && (
        <table aria-label="Tags">
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">Value</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {state.data.map((tag) => (
              <tr key={tag.Key}>
                <td>{tag.Key}</td>
                <td>{tag.Value}</td>
                <td>
                  <button
                    type="button"
                    aria-label={`Remove tag ${tag.Key}`}
                    onClick={() =>
                      run(() =>
                        props.clients.iam.send(
                          new UntagRoleCommand({ RoleName: props.role.RoleName, TagKeys: [tag.Key!] }),
                        ),
                      )
                    }
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form onSubmit={add} className="inline-form" aria-label="Add tag">
        <label htmlFor="tag-key">Key</label>
        <input id="tag-key" name="key" required maxLength={128} />
        <label htmlFor="tag-value">Value</label>
        <input id="tag-value" name="value" maxLength={256} />
        <button type="submit">Add tag</button>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  )
}
