import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  CreateServiceLinkedRoleCommand,
  DeleteRoleCommand,
  DeleteServiceLinkedRoleCommand,
  GetRoleCommand,
  GetServiceLinkedRoleDeletionStatusCommand,
  type IAMClient,
  UpdateAssumeRolePolicyCommand,
} from '@aws-sdk/client-iam'
import { startTestServer, type TestServer } from '../start.js'
import {
  ACCOUNT,
  ACCOUNT_TRUST,
  accessDenied,
  adminClient,
  allow,
  clientForUser,
  rejectsWith,
} from './role-fixtures.js'

const ELB = 'elasticloadbalancing.amazonaws.com'
const ELB_ROLE = 'AWSServiceRoleForElasticLoadBalancing'

describe('e2e: IAM service-linked roles (SDK v3)', () => {
  let server: TestServer
  let iam: IAMClient
  before(async () => {
    server = await startTestServer()
    iam = adminClient(server)
  })
  after(() => server.stop())

  it('CreateServiceLinkedRole makes AWSServiceRoleFor<Service> under /aws-service-role/<service>/', async () => {
    const role = (await iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: ELB }))).Role!
    assert.equal(role.RoleName, ELB_ROLE)
    assert.equal(role.Path, `/aws-service-role/${ELB}/`)
    assert.equal(role.Arn, `arn:aws:iam::${ACCOUNT}:role/aws-service-role/${ELB}/${ELB_ROLE}`)
    assert.equal(
      decodeURIComponent(role.AssumeRolePolicyDocument!),
      `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"${ELB}"},"Action":"sts:AssumeRole"}]}`,
    )
    const got = (await iam.send(new GetRoleCommand({ RoleName: ELB_ROLE }))).Role!
    assert.equal(got.RoleId, role.RoleId)
  })

  it('a second role of the same name is InvalidInput; a suffix only where the service takes one', async () => {
    await rejectsWith(
      iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: ELB })),
      'InvalidInputException',
      400,
      `Service role name ${ELB_ROLE} has been taken in this account, please try a different suffix.`,
    )
    await rejectsWith(
      iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: ELB, CustomSuffix: 'x' })),
      'InvalidInputException',
      400,
      `Custom suffix is not allowed for ${ELB}`,
    )
    const suffixed = await iam.send(
      new CreateServiceLinkedRoleCommand({
        AWSServiceName: 'autoscaling.amazonaws.com',
        CustomSuffix: 'web',
      }),
    )
    assert.equal(suffixed.Role?.RoleName, 'AWSServiceRoleForAutoScaling_web')
  })

  it('an unknown service is InvalidInput', async () => {
    await rejectsWith(
      iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'nothing.amazonaws.com' })),
      'InvalidInputException',
      400,
      'Service nothing.amazonaws.com does not support service-linked roles.',
    )
  })

  it('the ordinary role calls cannot change or delete a service-linked role', async () => {
    const message = `Cannot perform the operation on the protected role '${ELB_ROLE}' - this role is only modifiable by AWS`
    await rejectsWith(
      iam.send(new DeleteRoleCommand({ RoleName: ELB_ROLE })),
      'UnmodifiableEntityException',
      400,
      message,
    )
    await rejectsWith(
      iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: ELB_ROLE, PolicyDocument: ACCOUNT_TRUST })),
      'UnmodifiableEntityException',
      400,
      message,
    )
  })

  it('DeleteServiceLinkedRole deletes the role and reports a task that SUCCEEDED', async () => {
    const out = await iam.send(new DeleteServiceLinkedRoleCommand({ RoleName: ELB_ROLE }))
    assert.match(
      out.DeletionTaskId ?? '',
      new RegExp(
        `^task/aws-service-role/${ELB}/${ELB_ROLE}/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`,
      ),
    )
    await assert.rejects(iam.send(new GetRoleCommand({ RoleName: ELB_ROLE })), {
      name: 'NoSuchEntityException',
    })
    const status = await iam.send(
      new GetServiceLinkedRoleDeletionStatusCommand({ DeletionTaskId: out.DeletionTaskId }),
    )
    assert.equal(status.Status, 'SUCCEEDED')
  })

  it('creating a service-linked role is authorized with iam:AWSServiceName', async () => {
    const only = await clientForUser(server, 'elb-only', [
      allow('iam:CreateServiceLinkedRole', '*', { StringEquals: { 'iam:AWSServiceName': ELB } }),
    ])
    await only.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: ELB }))
    await rejectsWith(
      only.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'spot.amazonaws.com' })),
      'AccessDenied',
      403,
      accessDenied(
        'elb-only',
        'iam:CreateServiceLinkedRole',
        `arn:aws:iam::${ACCOUNT}:role/aws-service-role/spot.amazonaws.com/AWSServiceRoleForEC2Spot`,
      ),
    )
  })
})
