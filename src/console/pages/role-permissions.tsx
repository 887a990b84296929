import {
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRolePolicyCommand,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
  type Role,
} from '@aws-sdk/client-iam'
import { useState } from 'react'
import type { Clients } from '../clients.js'
import { PolicySummaryView } from '../components/policy-summary.js'
import { LoadStatus } from '../components/status.js'
import { useLoad } from '../components/use-load.js'

/** A policy of the role with its document. */
export interface RolePolicy {
  readonly name: string
  readonly type: 'AWS managed' | 'Customer managed' | 'Customer inline'
  readonly arn?: string
  readonly document: string
}

const decode = (text: string | undefined): string => {
  try {
    return decodeURIComponent(text ?? '')
  } catch {
    return text ?? ''
  }
}

/** The attached managed policies (default versions) and the inline policies of a role. */
export async function loadRolePolicies(clients: Clients, roleName: string): Promise<RolePolicy[]> {
  const [attached, inline] = await Promise.all([
    clients.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: roleName, MaxItems: 1000 })),
    clients.iam.send(new ListRolePoliciesCommand({ RoleName: roleName, MaxItems: 1000 })),
  ])
  const managed = await Promise.all(
    (attached.AttachedPolicies ?? []).map(async (p): Promise<RolePolicy> => {
      const policy = (await clients.iam.send(new GetPolicyCommand({ PolicyArn: p.PolicyArn }))).Policy!
      const version = await clients.iam.send(
        new GetPolicyVersionCommand({ PolicyArn: p.PolicyArn, VersionId: policy.DefaultVersionId }),
      )
      return {
        name: p.PolicyName ?? '',
        type: p.PolicyArn?.startsWith('arn:aws:iam::aws:') ? 'AWS managed' : 'Customer managed',
        arn: p.PolicyArn!,
        document: decode(version.PolicyVersion?.Document),
      }
    }),
  )
  const inlines = await Promise.all(
    (inline.PolicyNames ?? []).map(async (name): Promise<RolePolicy> => {
      const got = await clients.iam.send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName: name }))
      return { name, type: 'Customer inline', document: decode(got.PolicyDocument) }
    }),
  )
  return [...managed, ...inlines]
}

/** The Permissions tab: the role's policies; each opens to its summary, service drill-down and JSON. */
export function RolePermissions(props: { readonly clients: Clients; readonly role: Role }) {
  const state = useLoad(
    () => loadRolePolicies(props.clients, props.role.RoleName!),
    [props.clients, props.role.RoleName],
  )
  const [open, setOpen] = useState<string>()
  const policies = state.data ?? []
  const shown = open ?? policies[0]?.name
  return (
    <div>
      <h2>Permissions policies</h2>
      <LoadStatus state={state} what="the role's policies" />
      {state.data && policies.length === 0 && <p>The role has no permissions policies.</p>}
      {policies.length > 0 && (
        <table aria-label="Permissions policies">
          <thead>
            <tr>
              <th scope="col">Policy name</th>
              <th scope="col">Type</th>
            </tr>
          </thead>
          <tbody>
            {policies.map((policy) => (
              <tr key={`${policy.type}-${policy.name}`}>
                <th scope="row">
                  <button
                    type="button"
                    className="linkish"
                    aria-expanded={shown === policy.name}
                    onClick={() => setOpen(policy.name)}
                  >
                    {policy.name}
                  </button>
                </th>
                <td>{policy.type}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {policies
        .filter((policy) => policy.name === shown)
        .map((policy) => (
          <section key={policy.name} aria-label={`Policy ${policy.name}`}>
            <h3>{policy.name}</h3>
            <PolicySummaryView document={policy.document} name={policy.name} />
          </section>
        ))}
    </div>
  )
}
