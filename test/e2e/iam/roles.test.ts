import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  AddRoleToInstanceProfileCommand,
  CreateInstanceProfileCommand,
  CreateRoleCommand,
  DeleteRoleCommand,
  GetRoleCommand,
  type IAMClient,
  ListRolesCommand,
  ListRoleTagsCommand,
  TagRoleCommand,
  UntagRoleCommand,
  UpdateAssumeRolePolicyCommand,
  UpdateRoleCommand,
  UpdateRoleDescriptionCommand,
} from '@aws-sdk/client-iam'
import { startTestServer, type TestServer } from '../start.js'
import { ACCOUNT, ACCOUNT_TRUST, adminClient, rejectsWith } from './role-fixtures.js'

const trustFor = (principal: object, action: unknown = 'sts:AssumeRole') =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: principal, Action: action }],
  })

describe('e2e: IAM roles (SDK v3)', () => {
  let server: TestServer
  let iam: IAMClient
  before(async () => {
    server = await startTestServer()
    iam = adminClient(server)
  })
  after(() => server.stop())

  it('CreateRole returns an AROA id, the ARN with its path and the URL-encoded trust policy', async () => {
    const out = await iam.send(
      new CreateRoleCommand({ RoleName: 'app', Path: '/team/', AssumeRolePolicyDocument: ACCOUNT_TRUST }),
    )
    assert.match(out.Role?.RoleId ?? '', /^AROA[A-Z2-7]{17}$/)
    assert.equal(out.Role?.Arn, `arn:aws:iam::${ACCOUNT}:role/team/app`)
    assert.equal(out.Role?.Path, '/team/')
    assert.equal(decodeURIComponent(out.Role?.AssumeRolePolicyDocument ?? ''), ACCOUNT_TRUST)
  })

  it('GetRole returns the trust policy minified, one-element arrays as scalars, and an empty RoleLastUsed', async () => {
    const document = `{
      "Version": "2012-10-17",
      "Statement": [{ "Effect": "Allow", "Principal": { "Service": ["ec2.amazonaws.com"] }, "Action": ["sts:AssumeRole"] }]
    }`
    await iam.send(new CreateRoleCommand({ RoleName: 'ec2', AssumeRolePolicyDocument: document }))
    const role = (await iam.send(new GetRoleCommand({ RoleName: 'ec2' }))).Role!
    assert.equal(
      decodeURIComponent(role.AssumeRolePolicyDocument!),
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}',
    )
    assert.equal(role.MaxSessionDuration, 3600)
    assert.deepEqual(role.RoleLastUsed, {})
  })

  it('an account id principal is stored as the account root ARN', async () => {
    await iam.send(
      new CreateRoleCommand({ RoleName: 'acct', AssumeRolePolicyDocument: trustFor({ AWS: ACCOUNT }) }),
    )
    const role = (await iam.send(new GetRoleCommand({ RoleName: 'acct' }))).Role!
    assert.match(decodeURIComponent(role.AssumeRolePolicyDocument!), /"AWS":"arn:aws:iam::000000000000:root"/)
  })

  it('a duplicate name, in any case, is EntityAlreadyExists', async () => {
    await rejectsWith(
      iam.send(new CreateRoleCommand({ RoleName: 'APP', AssumeRolePolicyDocument: ACCOUNT_TRUST })),
      'EntityAlreadyExistsException',
      409,
      'Role with name APP already exists.',
    )
  })

  it('a trust policy naming a missing role is MalformedPolicyDocument', async () => {
    const arn = `arn:aws:iam::${ACCOUNT}:role/nobody`
    await rejectsWith(
      iam.send(new CreateRoleCommand({ RoleName: 'x', AssumeRolePolicyDocument: trustFor({ AWS: arn }) })),
      'MalformedPolicyDocumentException',
      400,
      `Invalid principal in policy: "AWS":"${arn}"`,
    )
  })

  it('a named role is kept as its unique id: shown as the ARN, then as the raw id once deleted', async () => {
    const target = await iam.send(
      new CreateRoleCommand({ RoleName: 'target', AssumeRolePolicyDocument: ACCOUNT_TRUST }),
    )
    const arn = `arn:aws:iam::${ACCOUNT}:role/target`
    await iam.send(
      new CreateRoleCommand({ RoleName: 'trusting', AssumeRolePolicyDocument: trustFor({ AWS: [arn] }) }),
    )
    const shown = async () =>
      decodeURIComponent(
        (await iam.send(new GetRoleCommand({ RoleName: 'trusting' }))).Role!.AssumeRolePolicyDocument!,
      )
    assert.match(await shown(), new RegExp(`"AWS":"${arn}"`))
    await iam.send(new DeleteRoleCommand({ RoleName: 'target' }))
    assert.match(await shown(), new RegExp(`"AWS":"${target.Role!.RoleId}"`))
    // AWS: a re-created role of the same name gets a new id and is not trusted.
    await iam.send(new CreateRoleCommand({ RoleName: 'target', AssumeRolePolicyDocument: ACCOUNT_TRUST }))
    assert.match(await shown(), new RegExp(`"AWS":"${target.Role!.RoleId}"`))
  })

  it('a principal ARN with a wrong path is refused; one without a path names the role and is shown with it', async () => {
    const wrong = `arn:aws:iam::${ACCOUNT}:role/other/app`
    await rejectsWith(
      iam.send(new CreateRoleCommand({ RoleName: 'p1', AssumeRolePolicyDocument: trustFor({ AWS: wrong }) })),
      'MalformedPolicyDocumentException',
      400,
      `Invalid principal in policy: "AWS":"${wrong}"`,
    )
    const bare = `arn:aws:iam::${ACCOUNT}:role/app`
    await iam.send(
      new CreateRoleCommand({ RoleName: 'p2', AssumeRolePolicyDocument: trustFor({ AWS: bare }) }),
    )
    const shown = (await iam.send(new GetRoleCommand({ RoleName: 'p2' }))).Role!.AssumeRolePolicyDocument!
    assert.match(decodeURIComponent(shown), /"AWS":"arn:aws:iam::000000000000:role\/team\/app"/)
  })

  it('unparseable JSON and oversized trust policies are refused with AWS texts', async () => {
    await rejectsWith(
      iam.send(new CreateRoleCommand({ RoleName: 'bad', AssumeRolePolicyDocument: '{"Version":' })),
      'MalformedPolicyDocumentException',
      400,
      'This policy contains invalid Json',
    )
    const big = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: 'ec2.amazonaws.com' },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'sts:ExternalId': 'x'.repeat(2100) } },
        },
      ],
    })
    await rejectsWith(
      iam.send(new CreateRoleCommand({ RoleName: 'big', AssumeRolePolicyDocument: big })),
      'LimitExceededException',
      409,
      'Cannot exceed quota for ACLSizePerRole: 2048',
    )
  })

  it('MaxSessionDuration outside 3600–43200 is a ValidationError', async () => {
    await assert.rejects(
      iam.send(
        new CreateRoleCommand({
          RoleName: 'short',
          AssumeRolePolicyDocument: ACCOUNT_TRUST,
          MaxSessionDuration: 60,
        }),
      ),
      { name: 'ValidationError' },
    )
  })

  it('a boundary must exist; it is shown by GetRole and omitted by ListRoles', async () => {
    const missing = `arn:aws:iam::${ACCOUNT}:policy/none`
    await rejectsWith(
      iam.send(
        new CreateRoleCommand({
          RoleName: 'b',
          AssumeRolePolicyDocument: ACCOUNT_TRUST,
          PermissionsBoundary: missing,
        }),
      ),
      'NoSuchEntityException',
      404,
      `Scope ARN: ${missing} does not exist or is not attachable.`,
    )
    const boundary = 'arn:aws:iam::aws:policy/ReadOnlyAccess'
    await iam.send(
      new CreateRoleCommand({
        RoleName: 'bounded',
        Path: '/bounded/',
        AssumeRolePolicyDocument: ACCOUNT_TRUST,
        PermissionsBoundary: boundary,
        Tags: [{ Key: 'team', Value: 'a' }],
      }),
    )
    const role = (await iam.send(new GetRoleCommand({ RoleName: 'bounded' }))).Role!
    assert.deepEqual(role.PermissionsBoundary, {
      PermissionsBoundaryType: 'PermissionsBoundaryPolicy',
      PermissionsBoundaryArn: boundary,
    })
    assert.deepEqual(role.Tags, [{ Key: 'team', Value: 'a' }])
    const listed = (await iam.send(new ListRolesCommand({ PathPrefix: '/bounded/' }))).Roles!
    assert.equal(listed.length, 1)
    assert.equal(listed[0]!.PermissionsBoundary, undefined)
    assert.equal(listed[0]!.Tags, undefined)
    assert.equal(listed[0]!.RoleLastUsed, undefined)
    assert.ok(listed[0]!.AssumeRolePolicyDocument)
  })

  it('ListRoles pages with MaxItems and Marker in name order', async () => {
    const names: string[] = []
    let marker: string | undefined
    do {
      const page = await iam.send(
        new ListRolesCommand({ MaxItems: 2, ...(marker ? { Marker: marker } : {}) }),
      )
      assert.ok(page.Roles!.length <= 2)
      names.push(...page.Roles!.map((r) => r.RoleName!))
      marker = page.IsTruncated ? page.Marker : undefined
    } while (marker)
    assert.deepEqual(
      names,
      [...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())),
    )
    assert.ok(names.includes('app') && names.includes('bounded'))
  })

  it('UpdateRole, UpdateRoleDescription and UpdateAssumeRolePolicy change the role', async () => {
    await iam.send(new UpdateRoleCommand({ RoleName: 'app', MaxSessionDuration: 7200, Description: 'first' }))
    let role = (await iam.send(new GetRoleCommand({ RoleName: 'app' }))).Role!
    assert.equal(role.MaxSessionDuration, 7200)
    assert.equal(role.Description, 'first')
    const out = await iam.send(new UpdateRoleDescriptionCommand({ RoleName: 'app', Description: 'second' }))
    assert.equal(out.Role?.Description, 'second')
    await iam.send(
      new UpdateAssumeRolePolicyCommand({
        RoleName: 'app',
        PolicyDocument: trustFor({ Service: 'ec2.amazonaws.com' }),
      }),
    )
    role = (await iam.send(new GetRoleCommand({ RoleName: 'app' }))).Role!
    assert.match(decodeURIComponent(role.AssumeRolePolicyDocument!), /"Service":"ec2.amazonaws.com"/)
    await rejectsWith(
      iam.send(
        new UpdateAssumeRolePolicyCommand({
          RoleName: 'app',
          PolicyDocument: trustFor({ AWS: 'arn:aws:iam::000000000000:user/ghost' }),
        }),
      ),
      'MalformedPolicyDocumentException',
      400,
      'Invalid principal in policy: "AWS":"arn:aws:iam::000000000000:user/ghost"',
    )
  })

  it('a missing role is NoSuchEntity with AWS text', async () => {
    await rejectsWith(
      iam.send(new GetRoleCommand({ RoleName: 'ghost' })),
      'NoSuchEntityException',
      404,
      'The role with name ghost cannot be found.',
    )
    await rejectsWith(
      iam.send(new DeleteRoleCommand({ RoleName: 'ghost' })),
      'NoSuchEntityException',
      404,
      'The role with name ghost cannot be found.',
    )
  })

  it('TagRole merges ignoring key case, UntagRole ignores missing keys, ListRoleTags lists', async () => {
    await iam.send(
      new TagRoleCommand({
        RoleName: 'app',
        Tags: [
          { Key: 'env', Value: 'dev' },
          { Key: 'team', Value: 'a' },
        ],
      }),
    )
    await iam.send(new TagRoleCommand({ RoleName: 'app', Tags: [{ Key: 'ENV', Value: 'prod' }] }))
    let tags = (await iam.send(new ListRoleTagsCommand({ RoleName: 'app' }))).Tags
    assert.deepEqual(tags, [
      { Key: 'ENV', Value: 'prod' },
      { Key: 'team', Value: 'a' },
    ])
    await iam.send(new UntagRoleCommand({ RoleName: 'app', TagKeys: ['team', 'absent'] }))
    tags = (await iam.send(new ListRoleTagsCommand({ RoleName: 'app' }))).Tags
    assert.deepEqual(tags, [{ Key: 'ENV', Value: 'prod' }])
    await rejectsWith(
      iam.send(
        new TagRoleCommand({
          RoleName: 'app',
          Tags: [
            { Key: 'a', Value: '1' },
            { Key: 'A', Value: '2' },
          ],
        }),
      ),
      'InvalidInputException',
      400,
      'Duplicate tag keys found. Please note that Tag keys are case insensitive.',
    )
  })

  it('DeleteRole is refused while the role has attached or inline policies or an instance profile', async () => {
    const created = await iam.send(
      new CreateRoleCommand({ RoleName: 'busy', AssumeRolePolicyDocument: ACCOUNT_TRUST }),
    )
    const owner = { kind: 'role', id: created.Role!.RoleId! } as const
    const store = server.app.store
    const policy = (await store.policies.getByArn('arn:aws:iam::aws:policy/ReadOnlyAccess'))!
    await store.attachments.attach(owner, policy.id, new Date())
    const refused = (message: string) =>
      rejectsWith(
        iam.send(new DeleteRoleCommand({ RoleName: 'busy' })),
        'DeleteConflictException',
        409,
        message,
      )
    await refused('Cannot delete entity, must detach all policies first.')
    await store.attachments.detach(owner, policy.id)
    await store.inlinePolicies.put(owner, 'inline', '{"Version":"2012-10-17","Statement":[]}', new Date())
    await refused('Cannot delete entity, must delete policies first.')
    await store.inlinePolicies.delete(owner, 'inline')
    await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'busy-profile' }))
    await iam.send(
      new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'busy-profile', RoleName: 'busy' }),
    )
    await refused('Cannot delete entity, must remove roles from instance profile first.')
  })

  it('DeleteRole removes the role', async () => {
    await iam.send(new CreateRoleCommand({ RoleName: 'gone', AssumeRolePolicyDocument: ACCOUNT_TRUST }))
    await iam.send(new DeleteRoleCommand({ RoleName: 'gone' }))
    await assert.rejects(iam.send(new GetRoleCommand({ RoleName: 'gone' })), {
      name: 'NoSuchEntityException',
    })
  })
})
