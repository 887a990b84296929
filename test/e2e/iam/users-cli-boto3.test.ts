import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { awsMissing, boto3Missing, type DebianClients, startServerWithClients } from '../debian-clients.js'
import type { TestServer } from '../start.js'

/** boto3: users with a paginator, a group, access keys, a login profile, an MFA device enabled with TOTP codes; prints JSON. */
const BOTO3_SCRIPT = `
import base64, hashlib, hmac, json, os, struct, time
import boto3, botocore
iam = boto3.Session().client("iam", endpoint_url=os.environ["LANYARD_URL"])
def error(call):
    try:
        call()
    except botocore.exceptions.ClientError as e:
        return [e.response["Error"]["Code"], e.response["Error"]["Message"], e.response["ResponseMetadata"]["HTTPStatusCode"]]
def totp(seed, step):
    mac = hmac.new(base64.b32decode(seed), struct.pack(">Q", step), hashlib.sha1).digest()
    o = mac[-1] & 15
    return "%06d" % ((struct.unpack(">I", mac[o:o + 4])[0] & 0x7fffffff) % 1000000)
for i in range(5):
    iam.create_user(UserName="py-%d" % i, Path="/py/")
names = []
for page in iam.get_paginator("list_users").paginate(PathPrefix="/py/", PaginationConfig={"PageSize": 2}):
    names += [u["UserName"] for u in page["Users"]]
iam.create_group(GroupName="py-group")
iam.add_user_to_group(GroupName="py-group", UserName="py-0")
members = [u["UserName"] for u in iam.get_group(GroupName="py-group")["Users"]]
key = iam.create_access_key(UserName="py-0")["AccessKey"]
iam.create_access_key(UserName="py-0")
quota = error(lambda: iam.create_access_key(UserName="py-0"))
violation = error(lambda: iam.create_login_profile(UserName="py-0", Password="short"))
iam.create_login_profile(UserName="py-0", Password="Long-enough-1")
seed = iam.create_virtual_mfa_device(VirtualMFADeviceName="py-mfa")["VirtualMFADevice"]["Base32StringSeed"].decode()
now = int(time.time()) // 30
iam.enable_mfa_device(UserName="py-0", SerialNumber="arn:aws:iam::000000000000:mfa/py-mfa",
                      AuthenticationCode1=totp(seed, now - 1), AuthenticationCode2=totp(seed, now))
mfa = [d["SerialNumber"] for d in iam.list_mfa_devices(UserName="py-0")["MFADevices"]]
conflict = error(lambda: iam.delete_user(UserName="py-0"))
print(json.dumps({"names": names, "members": members, "secret": len(key["SecretAccessKey"]), "quota": quota,
                  "violation": violation, "mfa": mfa, "conflict": conflict}))
`

describe('e2e: users, groups, access keys, login profiles and MFA through the AWS CLI and boto3', () => {
  let server: TestServer
  let clients: DebianClients
  before(async () => {
    ;({ server, clients } = await startServerWithClients())
  })
  after(() => server.stop())

  // Each CLI start costs seconds on a loaded machine: one call per aggregate.
  it('aws iam: users, groups, access keys, password policy, login profile, virtual MFA device', {
    skip: awsMissing,
  }, async () => {
    const user = (
      await clients.aws('iam', 'create-user', '--user-name', 'cli', '--tags', 'Key=team,Value=red')
    ).User
    assert.equal(user.Arn, 'arn:aws:iam::000000000000:user/cli')
    assert.equal(
      (await clients.aws('iam', 'create-group', '--group-name', 'cli-group')).Group.GroupName,
      'cli-group',
    )
    const key = (await clients.aws('iam', 'create-access-key', '--user-name', 'cli')).AccessKey
    assert.match(key.AccessKeyId, /^AKIA/)
    assert.equal(key.SecretAccessKey.length, 40)
    await clients.aws(
      'iam',
      'update-account-password-policy',
      '--minimum-password-length',
      '10',
      '--require-numbers',
    )
    await assert.rejects(
      clients.aws('iam', 'create-login-profile', '--user-name', 'cli', '--password', 'no-numbers-here'),
      /PasswordPolicyViolation/,
    )
    const png = join(server.dataDir, 'qr.png')
    const created = await clients.aws(
      'iam',
      'create-virtual-mfa-device',
      '--virtual-mfa-device-name',
      'cli-mfa',
      '--outfile',
      png,
      '--bootstrap-method',
      'QRCodePNG',
    )
    assert.equal(created.VirtualMFADevice.SerialNumber, 'arn:aws:iam::000000000000:mfa/cli-mfa')
    assert.deepEqual([...(await readFile(png)).subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47])
    await assert.rejects(clients.aws('iam', 'delete-user', '--user-name', 'cli'), /DeleteConflict/)
  })

  it('boto3: paginated users, group members, key quota, password policy, MFA enable, DeleteConflict', {
    skip: boto3Missing,
  }, async () => {
    const out = await clients.python(BOTO3_SCRIPT)
    assert.deepEqual(out.names, ['py-0', 'py-1', 'py-2', 'py-3', 'py-4'])
    assert.deepEqual(out.members, ['py-0'])
    assert.equal(out.secret, 40)
    assert.deepEqual(out.quota, ['LimitExceeded', 'Cannot exceed quota for AccessKeysPerUser: 2', 409])
    assert.deepEqual(out.violation, [
      'PasswordPolicyViolation',
      'Password does not conform to the account password policy.',
      400,
    ])
    assert.deepEqual(out.mfa, ['arn:aws:iam::000000000000:mfa/py-mfa'])
    assert.deepEqual(out.conflict, [
      'DeleteConflict',
      'Cannot delete entity, must delete login profile first.',
      409,
    ])
  })
})
