import type { RandomBytes } from '../../../../kernel/ids.js'
import { isoSeconds } from '../../../../kernel/iso-seconds.js'
import type { Store } from '../../../../store/index.js'
import type { PolicyLoader } from '../../../iam/index.js'
import { issueInstanceRoleSession, type SealingKeyRing } from '../../../sts/index.js'
import { type InstanceRecord, privateDnsName } from '../instance-shape.js'
import { roleArnOf } from '../launch-context.js'

/** What reading the metadata of an instance needs. */
export interface MetadataReadEnv {
  readonly store: Store
  readonly loader: PolicyLoader
  readonly ring: SealingKeyRing
  readonly random: RandomBytes
  readonly now: Date
}

/** One answer of the metadata tree. */
export interface MetadataAnswer {
  readonly body: string
  readonly json?: boolean
}

const iso = isoSeconds

/** The plain values of `meta-data/`, by path below it. */
function plainValues(record: InstanceRecord): Record<string, string> {
  const a = record.attributes
  const region = record.region
  return {
    'ami-id': a.imageId,
    'ami-launch-index': String(a.amiLaunchIndex),
    hostname: privateDnsName(region, a.privateIpAddress),
    'instance-id': record.id,
    'instance-type': a.instanceType,
    'local-hostname': privateDnsName(region, a.privateIpAddress),
    'local-ipv4': a.privateIpAddress,
    mac: a.macAddress,
    'placement/availability-zone': a.availabilityZone,
    'placement/region': region,
    'reservation-id': a.reservationId,
    'security-groups': a.securityGroups.map((g) => g.groupName).join('\n'),
  }
}

/** The role of the instance's profile, read now (a role added to or removed from the profile shows at once). */
async function profileRole(env: MetadataReadEnv, record: InstanceRecord) {
  const profile = record.attributes.iamInstanceProfile
  if (profile === undefined) return undefined
  const found = await env.store.instanceProfiles.get(profile.id)
  const roleId = found?.roleIds[0]
  const role = roleId === undefined ? undefined : await env.store.roles.get(roleId)
  return role === undefined ? undefined : { role, profile }
}

/**
 * Answers one path of an instance's metadata (`/latest/meta-data/…`, `/latest/user-data`,
 * `/latest/dynamic/instance-identity/document`); undefined for a path that has nothing.
 */
export async function instanceMetadata(
  env: MetadataReadEnv,
  record: InstanceRecord,
  path: string,
): Promise<MetadataAnswer | undefined> {
  if (path === '/latest/user-data')
    return record.attributes.userData === undefined
      ? undefined
      : { body: Buffer.from(record.attributes.userData, 'base64').toString('utf8') }
  if (path === '/latest/dynamic/instance-identity/document')
    return { body: identityDocument(record), json: true }
  if (!path.startsWith('/latest/meta-data/')) return undefined
  const rest = path.slice('/latest/meta-data/'.length)
  const plain = plainValues(record)
  if (rest === '')
    return { body: [...Object.keys(plain).filter((k) => !k.includes('/')), 'iam/', 'placement/'].join('\n') }
  if (plain[rest] !== undefined) return { body: plain[rest] }
  if (!rest.startsWith('iam/')) return undefined
  const found = await profileRole(env, record)
  if (found === undefined) return undefined
  if (rest === 'iam/') return { body: 'info\nsecurity-credentials/' }
  if (rest === 'iam/info')
    return {
      json: true,
      body: JSON.stringify(
        {
          Code: 'Success',
          LastUpdated: iso(env.now),
          InstanceProfileArn: found.profile.arn,
          InstanceProfileId: found.profile.id,
        },
        null,
        2,
      ),
    }
  if (rest === 'iam/security-credentials/' || rest === 'iam/security-credentials')
    return { body: found.role.name }
  if (rest !== `iam/security-credentials/${found.role.name}`) return undefined
  const session = await issueInstanceRoleSession(env, env, roleArnOf(found.role), record.id)
  if (session.kind === 'missing') return undefined
  const body =
    session.kind === 'untrusted'
      ? // AWS: the instance sees why EC2 could not assume its role.
        {
          Code: 'AssumeRoleUnauthorizedAccess',
          Message: `EC2 cannot assume the role ${found.role.name}. Please see documentation at https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_iam-ec2.html#troubleshoot_iam-ec2_errors-info-doc.`,
          LastUpdated: iso(env.now),
        }
      : {
          Code: 'Success',
          LastUpdated: iso(env.now),
          Type: 'AWS-HMAC',
          AccessKeyId: session.credentials.AccessKeyId,
          SecretAccessKey: session.credentials.SecretAccessKey,
          Token: session.credentials.SessionToken,
          Expiration: iso(session.credentials.Expiration),
        }
  return { body: JSON.stringify(body, null, 2), json: true }
}

function identityDocument(record: InstanceRecord): string {
  const a = record.attributes
  return JSON.stringify(
    {
      accountId: record.accountId,
      architecture: a.architecture,
      availabilityZone: a.availabilityZone,
      imageId: a.imageId,
      instanceId: record.id,
      instanceType: a.instanceType,
      pendingTime: iso(a.launchTime),
      privateIp: a.privateIpAddress,
      region: record.region,
      version: '2017-09-30',
    },
    null,
    2,
  )
}
