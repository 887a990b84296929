import {
  type AccessKeyMetadata,
  ListAccessKeysCommand,
  ListMFADevicesCommand,
  type MFADevice,
  paginateListUsers,
  type User,
} from '@aws-sdk/client-iam'
import type { Clients } from '../clients.js'
import { LoadStatus } from '../components/status.js'
import { useLoad } from '../components/use-load.js'

interface UserRow {
  readonly user: User
  readonly keys?: readonly AccessKeyMetadata[]
  readonly devices?: readonly MFADevice[]
  readonly error?: string
}

async function loadUsers(clients: Clients): Promise<UserRow[]> {
  const users: User[] = []
  for await (const page of paginateListUsers({ client: clients.iam }, {})) users.push(...(page.Users ?? []))
  return Promise.all(
    users.map(async (user): Promise<UserRow> => {
      try {
        const [keys, devices] = await Promise.all([
          clients.iam.send(new ListAccessKeysCommand({ UserName: user.UserName })),
          clients.iam.send(new ListMFADevicesCommand({ UserName: user.UserName })),
        ])
        return { user, keys: keys.AccessKeyMetadata ?? [], devices: devices.MFADevices ?? [] }
      } catch (error) {
        return { user, error: (error as Error).name }
      }
    }),
  )
}

/** IAM users with their access keys and MFA devices. */
export function UsersPage(props: { readonly clients: Clients }) {
  const state = useLoad(() => loadUsers(props.clients), [props.clients])
  return (
    <section>
      <h1>Users</h1>
      <LoadStatus state={state} what="users" />
      {state.data && (
        <table aria-label="Users">
          <thead>
            <tr>
              <th scope="col">User name</th>
              <th scope="col">Access keys</th>
              <th scope="col">MFA devices</th>
              <th scope="col">Password last used</th>
              <th scope="col">Created</th>
            </tr>
          </thead>
          <tbody>
            {state.data.map(({ user, keys, devices, error }) => (
              <tr key={user.UserId}>
                <th scope="row">{user.UserName}</th>
                <td>
                  {error
                    ? `Not shown (${error})`
                    : keys?.length
                      ? keys.map((k) => `${k.AccessKeyId} (${k.Status})`).join(', ')
                      : 'None'}
                </td>
                <td>
                  {error ? '' : devices?.length ? devices.map((d) => d.SerialNumber).join(', ') : 'None'}
                </td>
                <td>{user.PasswordLastUsed?.toISOString() ?? '—'}</td>
                <td>{user.CreateDate?.toISOString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
