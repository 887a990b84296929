import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { CreateOpenIDConnectProviderCommand, CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam'
import type { Browser, Page } from 'playwright-core'
import type { ClusterDocument } from '../../../src/rosa/cluster-api.js'
import { recordCluster, validateAccountRoles } from '../../../src/rosa/cluster-create.js'
import { DEFAULT_PROVIDER_ACCOUNT } from '../../../src/rosa/cluster-provider.js'
import { runInstaller } from '../../../src/rosa/install/installer.js'
import {
  clusterApi,
  createAccountRoles,
  initProvider,
  type Keys,
  sdk,
} from '../rosa-cluster/rosa-cluster-fixtures.js'
import { startTestServer, type TestServer } from '../start.js'
import { consoleBuilt, launchChromium, screenshot, watchedPage } from './console-fixtures.js'

const OIDC_ID = 'console-demo-oidc'
const OPERATOR_PREFIX = 'console-demo-x1'

async function signInWithKey(page: Page, url: string, keys: Keys): Promise<void> {
  await page.goto(`${url}/console/`)
  await page.getByLabel('Access key', { exact: true }).check()
  await page.getByLabel('Access key ID').fill(keys.accessKeyId)
  await page.getByLabel('Secret access key').fill(keys.secretAccessKey)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('heading', { name: 'Roles' }).waitFor()
}

describe('e2e: the console clusters pages (chromium, playwright-core)', {
  skip: !consoleBuilt() && 'run npm run build:console',
}, () => {
  let server: TestServer
  let browser: Browser
  let page: Page
  let cluster: ClusterDocument
  let installLog: string
  let oidcArn: string
  const errors: string[] = []

  before(async () => {
    server = await startTestServer()
    const provider = await initProvider(server)
    await createAccountRoles(server, 'ManagedOpenShift', 'ext-console')
    const iam = new IAMClient(sdk(server, server.credentials))
    const roles = await validateAccountRoles(iam, 'ManagedOpenShift', '4.22')
    // The OIDC configuration's IAM provider (its URL's path is the configuration id) and one operator role.
    const provider_ = await iam.send(
      new CreateOpenIDConnectProviderCommand({
        Url: `https://oidc.lanyard.test/${OIDC_ID}`,
        ClientIDList: ['openshift', 'sts.amazonaws.com'],
        ThumbprintList: ['0'.repeat(40)],
      }),
    )
    await iam.send(
      new CreateRoleCommand({
        RoleName: `${OPERATOR_PREFIX}-openshift-ingress-operator-cloud-credentials`,
        AssumeRolePolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { Federated: provider_.OpenIDConnectProviderArn },
              Action: 'sts:AssumeRoleWithWebIdentity',
            },
          ],
        }),
      }),
    )
    oidcArn = provider_.OpenIDConnectProviderArn!
    iam.destroy()
    cluster = await recordCluster(
      clusterApi(server, server.credentials),
      {
        name: 'console-demo',
        prefix: 'ManagedOpenShift',
        version: '4.22',
        multiAz: false,
        region: 'us-east-1',
        operatorRolePrefix: OPERATOR_PREFIX,
        oidcConfigId: OIDC_ID,
      },
      roles,
    )
    const done = await runInstaller({
      endpoint: server.url,
      region: 'us-east-1',
      providerCredentials: provider,
      providerAccount: DEFAULT_PROVIDER_ACCOUNT,
      clusterId: cluster.id,
    })
    assert.equal(done.state, 'ready')
    installLog = (await clusterApi(server, server.credentials).installLog(cluster.id)).content
    browser = await launchChromium()
    page = await watchedPage(browser, errors)
    await signInWithKey(page, server.url, server.credentials)
  })
  after(async () => {
    await browser?.close()
    await server.stop()
  })

  it('lists the cluster with its state, region and creation time', async () => {
    await page.getByRole('link', { name: 'Clusters' }).click()
    await page.getByRole('heading', { name: 'Clusters', exact: true }).waitFor()
    const row = page.getByRole('table', { name: 'Clusters' }).getByRole('row', { name: /console-demo/ })
    await row.waitFor()
    const cells = await row.getByRole('cell').allTextContents()
    assert.equal(cells[0], 'ready')
    assert.equal(cells[1], 'us-east-1')
    assert.equal(cells[2], 'openshift-v4.22')
    assert.ok(cells[3], 'the creation time is shown')
    await screenshot(page, 'clusters')
  })

  it('opens the cluster: state, the install log as the API has it, account roles, resources', async () => {
    await page.getByRole('link', { name: 'console-demo' }).click()
    await page.getByRole('heading', { name: 'console-demo', level: 1 }).waitFor()
    assert.equal(await page.getByTestId('cluster-state').textContent(), 'ready')
    const log = page.getByRole('log', { name: 'Install log' })
    await log.waitFor()
    const shown = await log.textContent()
    const expected = installLog.split('\n').filter((line) => line !== '')
    assert.ok(expected.length > 5, 'the installer wrote its steps to the log')
    assert.equal(shown, expected.join('\n'))
    const accountRoles = page.getByRole('region', { name: 'Account roles' })
    for (const name of ['Installer', 'Support', 'ControlPlane', 'Worker'])
      await accountRoles.getByRole('link', { name: `ManagedOpenShift-${name}-Role` }).waitFor()
    assert.match((await accountRoles.textContent()) ?? '', /ext-console/)
    await page
      .getByRole('list', { name: 'Operator roles' })
      .getByRole('link', { name: `${OPERATOR_PREFIX}-openshift-ingress-operator-cloud-credentials` })
      .waitFor()
    await page
      .getByRole('region', { name: 'OIDC configuration' })
      .getByRole('link', { name: oidcArn })
      .waitFor()
    const resources = page.getByRole('region', { name: 'Resources' })
    assert.match((await resources.textContent()) ?? '', new RegExp(cluster.infra_id))
    const tagged = page.getByRole('table', { name: 'Tagged resources' })
    await tagged.waitFor()
    const kinds = new Set(
      (await tagged.getByRole('row').allTextContents()).slice(1).map((text) => text.split(':')[0]),
    )
    for (const service of ['ec2', 'elasticloadbalancing', 'route53'])
      assert.ok(kinds.has(service), `a tagged ${service} resource is listed (${[...kinds].join(', ')})`)
    assert.ok(
      await tagged.getByRole('cell', { name: `${cluster.infra_id}-vpc`, exact: true }).count(),
      'the VPC is listed by its Name tag',
    )
    await screenshot(page, 'cluster')
    // The log is focusable (scrollable by keyboard); the role link opens the role page.
    await log.focus()
    assert.equal(await page.evaluate('document.activeElement.dataset.testid'), 'install-log')
    await accountRoles.getByRole('link', { name: 'ManagedOpenShift-Installer-Role' }).press('Enter')
    await page.getByRole('heading', { name: 'ManagedOpenShift-Installer-Role', level: 1 }).waitFor()
  })

  it('shows a missing cluster as the service answers it', async () => {
    await page.goto(`${server.url}/console/clusters/nope`)
    await page.getByRole('alert').waitFor()
    assert.match(
      (await page.getByRole('alert').textContent()) ?? '',
      /Could not load the cluster: .*404|CLUSTERS-MGMT-404/,
    )
    // The 404 is the answer shown; the browser logs the failed fetch itself, which is not an error of the page.
    errors.splice(0, errors.length, ...errors.filter((e) => !/status of 404/.test(e)))
  })

  it('logged no errors in the browser console', () => {
    assert.deepEqual(errors, [])
  })
})
