import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  type CatalogData,
  catalogFindings,
  createCatalog,
  getCatalog,
  iamDataFiles,
  loadCatalog,
  summarizePolicy,
} from '../../src/catalog/index.js'
import { parsePolicy } from '../../src/policy/index.js'

/** The package's data, counting every read by file. */
function countingData(): { data: CatalogData; reads: Map<string, number> } {
  const files = iamDataFiles()
  const reads = new Map<string, number>()
  const count = <T>(name: string, read: () => T): T => {
    reads.set(name, (reads.get(name) ?? 0) + 1)
    return read()
  }
  const data: CatalogData = {
    serviceNames: () => count('serviceNames', () => files.serviceNames()),
    actions: (s) => count(`actions/${s}`, () => files.actions(s)),
    resourceTypes: (s) => count(`resourceTypes/${s}`, () => files.resourceTypes(s)),
    conditionKeys: (s) => count(`conditionKeys/${s}`, () => files.conditionKeys(s)),
    unassociatedConditionPrefixes: () => count('unassociated', () => files.unassociatedConditionPrefixes()),
  }
  return { data, reads }
}

describe('catalog/loading', () => {
  it('reads only the services a policy names, each file once', () => {
    const { data, reads } = countingData()
    const catalog = createCatalog(data)
    const parsed = parsePolicy({
      Version: '2012-10-17',
      Statement: {
        Effect: 'Allow',
        Action: ['s3:Get*', 's3:PutObject'],
        Resource: '*',
        Condition: { StringEquals: { 's3:x-amz-acl': 'private' } },
      },
    })
    assert.ok(parsed.ok)
    catalogFindings(parsed.document, catalog)
    summarizePolicy(parsed.document, catalog)
    summarizePolicy(parsed.document, catalog)
    assert.deepEqual(Object.fromEntries(reads), { serviceNames: 1, 'actions/s3': 1, 'conditionKeys/s3': 1 })
  })

  it('shares one catalog per process, also through loadCatalog', async () => {
    assert.equal(getCatalog(), getCatalog())
    assert.equal(await loadCatalog(), getCatalog())
  })
})
