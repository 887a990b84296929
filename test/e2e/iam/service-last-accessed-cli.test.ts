import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { awsMissing, type DebianClients, startServerWithClients } from '../debian-clients.js'
import type { TestServer } from '../start.js'

interface Service {
  readonly ServiceNamespace: string
  readonly LastAuthenticated?: string
  readonly LastAuthenticatedEntity?: string
  readonly TrackedActionsLastAccessed?: readonly { readonly ActionName: string }[]
}

describe('e2e: service last accessed reports through the AWS CLI', () => {
  let server: TestServer
  let clients: DebianClients
  before(async () => {
    ;({ server, clients } = await startServerWithClients())
  })
  after(() => server.stop())

  it('aws iam generate-service-last-accessed-details and get-service-last-accessed-details page through every service AdministratorAccess allows', {
    skip: awsMissing,
  }, async () => {
    await clients.aws('iam', 'get-user')
    await server.app.flushAudit()
    const arn = 'arn:aws:iam::000000000000:user/admin'
    const { JobId } = await clients.aws(
      'iam',
      'generate-service-last-accessed-details',
      '--arn',
      arn,
      '--granularity',
      'ACTION_LEVEL',
    )
    const services: Service[] = []
    let marker: string | undefined
    let pages = 0
    do {
      const page = await clients.aws(
        'iam',
        'get-service-last-accessed-details',
        '--job-id',
        JobId,
        '--max-items',
        '200',
        ...(marker ? ['--marker', marker] : []),
      )
      assert.equal(page.JobStatus, 'COMPLETED')
      assert.equal(page.JobType, 'ACTION_LEVEL')
      assert.ok(page.ServicesLastAccessed.length <= 200)
      services.push(...page.ServicesLastAccessed)
      marker = page.IsTruncated ? page.Marker : undefined
      pages++
    } while (marker !== undefined)
    // `"Action": "*"` allows every service of the reference; one of them was used.
    assert.ok(pages >= 2 && services.length > 300, `${pages} pages, ${services.length} services`)
    const used = services.filter((s) => s.LastAuthenticated !== undefined)
    assert.deepEqual(
      used.map((s) => [s.ServiceNamespace, s.LastAuthenticatedEntity]),
      [['iam', arn]],
    )
    assert.deepEqual(
      used[0]!.TrackedActionsLastAccessed?.map((a) => a.ActionName),
      ['GetUser'],
    )
  })

  it('an unknown job id is NoSuchEntity', { skip: awsMissing }, async () => {
    const stderr = await clients.awsError(
      'iam',
      'get-service-last-accessed-details',
      '--job-id',
      '11111111-2222-4333-8444-555555555555',
    )
    assert.match(
      stderr,
      /\(NoSuchEntity\).*The job with ID 11111111-2222-4333-8444-555555555555 cannot be found\./,
    )
  })
})
