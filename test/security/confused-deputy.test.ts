import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { CreateRoleCommand } from '@aws-sdk/client-iam'
import { AssumeRoleCommand } from '@aws-sdk/client-sts'
import { addAccount } from '../../src/app.js'
import { resolveConfig } from '../../src/server/index.js'
import { startTestServer, type TestServer } from '../e2e/start.js'
import { ACCOUNT, denied, iamClient, type Keys, rejectsWith, stsClient } from '../e2e/sts/sts-fixtures.js'

const VENDOR = '111111111111'
const ATTACKER = '222222222222'
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/vendor-access`

describe('security: confused deputy — a third party assumes a customer role only with the customer’s ExternalId', () => {
  let server: TestServer
  let vendor: Keys
  let attacker: Keys
  before(async () => {
    server = await startTestServer({ LANYARD_LOG_LEVEL: 'silent' })
    const config = resolveConfig({ dataDir: server.dataDir }, { LANYARD_LOG_LEVEL: 'silent' })
    vendor = await addAccount(config, { id: VENDOR, name: 'vendor' })
    attacker = await addAccount(config, { id: ATTACKER, name: 'attacker' })
    // The customer (the default account) trusts the vendor's account, bound to the id the vendor gave it.
    await iamClient(server.url, server.credentials).send(
      new CreateRoleCommand({
        RoleName: 'vendor-access',
        AssumeRolePolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { AWS: `arn:aws:iam::${VENDOR}:root` },
              Action: 'sts:AssumeRole',
              Condition: { StringEquals: { 'sts:ExternalId': 'customer-7d1f' } },
            },
          ],
        }),
      }),
    )
  })
  after(() => server.stop())

  const assume = (keys: Keys, externalId?: string) =>
    stsClient(server.url, keys).send(
      new AssumeRoleCommand({
        RoleArn: ROLE_ARN,
        RoleSessionName: 'deputy',
        ...(externalId === undefined ? {} : { ExternalId: externalId }),
      }),
    )

  it('the vendor acting for another customer (no ExternalId, or that customer’s) is denied', async () => {
    const caller = `arn:aws:iam::${VENDOR}:user/admin`
    await rejectsWith(assume(vendor), 'AccessDenied', 403, denied(caller, 'sts:AssumeRole', ROLE_ARN))
    await rejectsWith(
      assume(vendor, 'other-customer-0a2b'),
      'AccessDenied',
      403,
      denied(caller, 'sts:AssumeRole', ROLE_ARN),
    )
  })

  it('an account the role does not trust is denied even with the right ExternalId', async () => {
    await rejectsWith(
      assume(attacker, 'customer-7d1f'),
      'AccessDenied',
      403,
      denied(`arn:aws:iam::${ATTACKER}:user/admin`, 'sts:AssumeRole', ROLE_ARN),
    )
  })

  it('the vendor with this customer’s ExternalId gets a session in the customer’s account', async () => {
    const out = await assume(vendor, 'customer-7d1f')
    assert.equal(out.AssumedRoleUser?.Arn, `arn:aws:sts::${ACCOUNT}:assumed-role/vendor-access/deputy`)
  })
})
