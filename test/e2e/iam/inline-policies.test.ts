import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  DeleteGroupPolicyCommand,
  DeleteRolePolicyCommand,
  DeleteUserPolicyCommand,
  GetGroupPolicyCommand,
  GetRolePolicyCommand,
  GetUserPolicyCommand,
  type IAMClient,
  ListGroupPoliciesCommand,
  ListPoliciesCommand,
  ListRolePoliciesCommand,
  ListUserPoliciesCommand,
  PutGroupPolicyCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam'
import { startTestServer, type TestServer } from '../start.js'
import { addGroup, addRole, addUser, adminOf, allowing, denied, doc, rejects } from './policy-fixtures.js'

/** A document of about `size` non-whitespace characters. */
const sized = (size: number) => {
  const base = doc(allowing('s3:GetObject', 'arn:aws:s3:::x'))
  return doc(allowing('s3:GetObject', `arn:aws:s3:::${'x'.repeat(size - base.length + 1)}`))
}

describe('e2e iam: inline policies', () => {
  let server: TestServer
  let admin: IAMClient
  before(async () => {
    server = await startTestServer()
    admin = adminOf(server)
    await addUser(server, 'alice')
    await addGroup(server, 'devs')
    await addRole(server, 'app')
  })
  after(() => server.stop())

  it('Put, Get (URL-encoded, byte for byte), List and Delete on a user', async () => {
    const text =
      '{"Version": "2012-10-17",\n "Statement": [{"Effect": "Allow", "Action": "s3:Get*", "Resource": "*"}]}'
    await admin.send(
      new PutUserPolicyCommand({ UserName: 'alice', PolicyName: 'read', PolicyDocument: text }),
    )
    await admin.send(
      new PutUserPolicyCommand({ UserName: 'alice', PolicyName: 'Another', PolicyDocument: text }),
    )
    const got = await admin.send(new GetUserPolicyCommand({ UserName: 'ALICE', PolicyName: 'read' }))
    assert.equal(got.UserName, 'alice')
    assert.equal(got.PolicyName, 'read')
    assert.equal(got.PolicyDocument, encodeURIComponent(text))
    assert.deepEqual((await admin.send(new ListUserPoliciesCommand({ UserName: 'alice' }))).PolicyNames, [
      'Another',
      'read',
    ])
    const page = await admin.send(new ListUserPoliciesCommand({ UserName: 'alice', MaxItems: 1 }))
    assert.deepEqual([page.PolicyNames, page.IsTruncated], [['Another'], true])
    await admin.send(new DeleteUserPolicyCommand({ UserName: 'alice', PolicyName: 'Another' }))
    await rejects(
      admin.send(new GetUserPolicyCommand({ UserName: 'alice', PolicyName: 'Another' })),
      'NoSuchEntityException',
      'The user policy with name Another cannot be found.',
      404,
    )
    await rejects(
      admin.send(new DeleteUserPolicyCommand({ UserName: 'alice', PolicyName: 'Another' })),
      'NoSuchEntityException',
      'The user policy with name Another cannot be found.',
      404,
    )
  })

  it('groups and roles; Put replaces by name', async () => {
    const first = doc(allowing('sqs:SendMessage'))
    const second = doc(allowing('sqs:ReceiveMessage'))
    await admin.send(new PutGroupPolicyCommand({ GroupName: 'devs', PolicyName: 'q', PolicyDocument: first }))
    await admin.send(
      new PutGroupPolicyCommand({ GroupName: 'devs', PolicyName: 'q', PolicyDocument: second }),
    )
    const group = await admin.send(new GetGroupPolicyCommand({ GroupName: 'devs', PolicyName: 'q' }))
    assert.equal(decodeURIComponent(group.PolicyDocument!), second)
    assert.equal(group.GroupName, 'devs')
    assert.deepEqual((await admin.send(new ListGroupPoliciesCommand({ GroupName: 'devs' }))).PolicyNames, [
      'q',
    ])
    await admin.send(new PutRolePolicyCommand({ RoleName: 'app', PolicyName: 'q', PolicyDocument: first }))
    const role = await admin.send(new GetRolePolicyCommand({ RoleName: 'app', PolicyName: 'q' }))
    assert.equal(role.RoleName, 'app')
    assert.equal(decodeURIComponent(role.PolicyDocument!), first)
    assert.deepEqual((await admin.send(new ListRolePoliciesCommand({ RoleName: 'app' }))).PolicyNames, ['q'])
    await admin.send(new DeleteGroupPolicyCommand({ GroupName: 'devs', PolicyName: 'q' }))
    await admin.send(new DeleteRolePolicyCommand({ RoleName: 'app', PolicyName: 'q' }))
    await rejects(
      admin.send(new GetRolePolicyCommand({ RoleName: 'app', PolicyName: 'q' })),
      'NoSuchEntityException',
      'The role policy with name q cannot be found.',
      404,
    )
    await rejects(
      admin.send(new ListGroupPoliciesCommand({ GroupName: 'nobody' })),
      'NoSuchEntityException',
      'The group with name nobody cannot be found.',
      404,
    )
  })

  it('documents are validated', async () => {
    await assert.rejects(
      admin.send(
        new PutUserPolicyCommand({ UserName: 'alice', PolicyName: 'bad', PolicyDocument: '{"Statement":[' }),
      ),
      { name: 'MalformedPolicyDocumentException' },
    )
    const withPrincipal = doc({ ...allowing('s3:GetObject'), Principal: '*' })
    await assert.rejects(
      admin.send(
        new PutRolePolicyCommand({ RoleName: 'app', PolicyName: 'bad', PolicyDocument: withPrincipal }),
      ),
      { name: 'MalformedPolicyDocumentException' },
    )
  })

  it('the size quota covers the sum of the owner’s inline policies (2,048 user, 5,120 group, 10,240 role)', async () => {
    type Put = (name: string, text: string) => Promise<unknown>
    const cases: [string, string, number, Put][] = [
      [
        'user',
        'alice',
        2048,
        (n, t) =>
          admin.send(new PutUserPolicyCommand({ UserName: 'alice', PolicyName: n, PolicyDocument: t })),
      ],
      [
        'group',
        'devs',
        5120,
        (n, t) =>
          admin.send(new PutGroupPolicyCommand({ GroupName: 'devs', PolicyName: n, PolicyDocument: t })),
      ],
      [
        'role',
        'app',
        10240,
        (n, t) => admin.send(new PutRolePolicyCommand({ RoleName: 'app', PolicyName: n, PolicyDocument: t })),
      ],
    ]
    for (const [kind, owner, limit, put] of cases) {
      await put('big', sized(limit - 600))
      // Replacing a policy counts only its new text.
      await put('big', sized(limit - 500))
      await rejects(
        put('more', sized(600)),
        'LimitExceededException',
        `Maximum policy size of ${limit} bytes exceeded for ${kind} ${owner}`,
        409,
      )
      await put('more', sized(400))
    }
  })

  it('putting an inline policy on oneself needs iam:PutUserPolicy on one’s own ARN; it applies on the next request', async () => {
    const sneaky = await addUser(server, 'sneaky', [
      doc(allowing('iam:PutUserPolicy', 'arn:aws:iam::000000000000:user/alice')),
    ])
    const grant = doc(allowing('iam:*'))
    const put = () =>
      sneaky.client.send(
        new PutUserPolicyCommand({ UserName: 'sneaky', PolicyName: 'grant', PolicyDocument: grant }),
      )
    await rejects(put(), 'AccessDenied', denied('sneaky', 'iam:PutUserPolicy', sneaky.arn), 403)
    await rejects(
      sneaky.client.send(new ListPoliciesCommand({})),
      'AccessDenied',
      denied('sneaky', 'iam:ListPolicies', '*'),
      403,
    )
    await admin.send(
      new PutUserPolicyCommand({
        UserName: 'sneaky',
        PolicyName: 'self',
        PolicyDocument: doc(allowing('iam:PutUserPolicy', sneaky.arn)),
      }),
    )
    await put()
    assert.ok((await sneaky.client.send(new ListPoliciesCommand({ Scope: 'Local' }))).Policies)
  })
})
