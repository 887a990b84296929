import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreateLoginProfileCommand,
  CreateOpenIDConnectProviderCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam'
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts'
import type { Browser, Page } from 'playwright-core'
import { addAccount } from '../../../src/app.js'
import { getCatalog, summarizePolicy } from '../../../src/catalog/index.js'
import { parsePolicy, REVOKE_POLICY_NAME } from '../../../src/policy/index.js'
import { resolveConfig } from '../../../src/server/index.js'
import { startTestServer, type TestServer } from '../start.js'
import { iamClient, type Keys, keysOf, policy, stsClient } from '../sts/sts-fixtures.js'
import { consoleBuilt, installerPolicy, launchChromium, screenshot, watchedPage } from './console-fixtures.js'

const ACCOUNT = '000000000000'
const RED_HAT = '710019948333'
const RH_INSTALLER = `arn:aws:iam::${RED_HAT}:role/RH-Managed-OpenShift-Installer`
const ROLE = 'ManagedOpenShift-Installer-Role'
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/${ROLE}`
const PASSWORD = 'Console-Passw0rd!'

/** The S3 actions the installer policy names. */
async function policyS3Actions(): Promise<string[]> {
  const document = JSON.parse(await installerPolicy()) as { Statement: { Action: string | string[] }[] }
  return document.Statement.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]))
    .filter((a) => a.startsWith('s3:'))
    .map((a) => a.slice(3))
    .sort()
}

/**
 * Runs in the page: the form controls, buttons, links, tabs and tables that have no accessible name (a label,
 * aria-label, aria-labelledby, or a button's or link's text), each described by its tag and outer HTML start.
 */
const UNNAMED_ELEMENTS = `(() => {
  const text = (el) => (el?.textContent ?? '').trim()
  const named = (el) =>
    Boolean(el.getAttribute('aria-label')?.trim()) ||
    (el.getAttribute('aria-labelledby') ?? '').split(' ').some((id) => text(document.getElementById(id))) ||
    [...(el.labels ?? [])].some((label) => text(label)) ||
    (['BUTTON', 'A'].includes(el.tagName) || el.getAttribute('role') === 'tab' ? text(el) !== '' : false) ||
    (el.tagName === 'TABLE' && text(el.querySelector('caption')) !== '')
  const selector = 'input:not([type=hidden]), select, textarea, button, a[href], [role=tab], table'
  return [...document.querySelectorAll(selector)].filter((el) => !named(el)).map((el) => el.outerHTML.slice(0, 120))
})()`

async function signInWithPassword(page: Page, url: string, userName: string): Promise<void> {
  await page.goto(`${url}/console/`)
  await page.getByLabel('Account ID or alias').fill(ACCOUNT)
  await page.getByLabel('IAM user name', { exact: true }).fill(userName)
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('heading', { name: 'Roles' }).waitFor()
}

describe('e2e: the web console (chromium, playwright-core)', {
  skip: !consoleBuilt() && 'run npm run build:console',
}, () => {
  let server: TestServer
  let browser: Browser
  let admin: ReturnType<typeof iamClient>
  let before_: Keys
  let redHat: Keys
  const errors: string[] = []
  let page: Page

  before(async () => {
    server = await startTestServer()
    admin = iamClient(server.url, server.credentials)
    // Red Hat's account with the RH-Managed-OpenShift-Installer role, allowed to assume the customer's role.
    redHat = await addAccount(resolveConfig({ dataDir: server.dataDir }, {}), {
      id: RED_HAT,
      name: 'red-hat',
    })
    const rhIam = iamClient(server.url, redHat)
    await rhIam.send(
      new CreateRoleCommand({
        RoleName: 'RH-Managed-OpenShift-Installer',
        AssumeRolePolicyDocument: policy({
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${RED_HAT}:root` },
          Action: 'sts:AssumeRole',
        }),
      }),
    )
    await rhIam.send(
      new PutRolePolicyCommand({
        RoleName: 'RH-Managed-OpenShift-Installer',
        PolicyName: 'assume-customer-installers',
        PolicyDocument: policy({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }),
      }),
    )
    // The customer's Installer role, as `rosa create account-roles` makes it.
    const created = await admin.send(
      new CreatePolicyCommand({
        PolicyName: `${ROLE}-Policy`,
        PolicyDocument: await installerPolicy(),
      }),
    )
    await admin.send(
      new CreateRoleCommand({
        RoleName: ROLE,
        AssumeRolePolicyDocument: policy({
          Effect: 'Allow',
          Principal: { AWS: RH_INSTALLER },
          Action: 'sts:AssumeRole',
        }),
        Tags: [{ Key: 'red-hat-managed', Value: 'true' }],
      }),
    )
    await admin.send(new AttachRolePolicyCommand({ RoleName: ROLE, PolicyArn: created.Policy!.Arn! }))
    // A session of the Installer role issued before any revocation: RH installer → customer role.
    const rh = await stsClient(server.url, redHat).send(
      new AssumeRoleCommand({ RoleArn: RH_INSTALLER, RoleSessionName: 'rh-installer' }),
    )
    const installer = await stsClient(server.url, keysOf(rh.Credentials)).send(
      new AssumeRoleCommand({ RoleArn: ROLE_ARN, RoleSessionName: 'cluster-install' }),
    )
    before_ = keysOf(installer.Credentials)
    await iamClient(server.url, before_).send(new GetRoleCommand({ RoleName: ROLE }))
    // An OIDC provider of a cluster and an operator role that trusts it.
    const provider = await admin.send(
      new CreateOpenIDConnectProviderCommand({
        Url: 'https://oidc.example.com/cluster-1',
        ClientIDList: ['openshift', 'sts.amazonaws.com'],
        ThumbprintList: ['a'.repeat(40)],
      }),
    )
    await admin.send(
      new CreateRoleCommand({
        RoleName: 'cluster-1-ingress-operator',
        AssumeRolePolicyDocument: policy({
          Effect: 'Allow',
          Principal: { Federated: provider.OpenIDConnectProviderArn },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: {
            StringEquals: { 'oidc.example.com/cluster-1:sub': 'system:serviceaccount:ingress:operator' },
          },
        }),
      }),
    )
    // A console user with a password.
    await admin.send(new CreateUserCommand({ UserName: 'operator' }))
    await admin.send(new CreateLoginProfileCommand({ UserName: 'operator', Password: PASSWORD }))
    await admin.send(
      new AttachUserPolicyCommand({
        UserName: 'operator',
        PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess',
      }),
    )
    await server.app.flushAudit()
    browser = await launchChromium()
    page = await watchedPage(browser, errors)
  })

  after(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('signs in with a user name and password and lists the roles with their trusted entities', async () => {
    await signInWithPassword(page, server.url, 'operator')
    await page.getByTestId('signed-in-as').getByText(`arn:aws:iam::${ACCOUNT}:user/operator`).waitFor()
    const row = page.getByRole('row', { name: new RegExp(ROLE) })
    await row.waitFor()
    assert.match(await row.innerText(), /RH-Managed-OpenShift-Installer/)
    await page.getByLabel('Search roles').fill('Installer')
    assert.equal(await page.getByRole('table', { name: 'Roles' }).locator('tbody tr').count(), 1)
    await screenshot(page, 'roles')
  })

  it('shows the S3 row of the Installer policy summary and its actions as the policy data has them', async () => {
    await page.getByRole('link', { name: ROLE }).click()
    await page.getByRole('heading', { name: ROLE, level: 1 }).waitFor()
    const s3 = page.locator('table[aria-label="Allow services"] tr[data-service="s3"]')
    await s3.waitFor()
    const cells = await s3.locator('th, td').allInnerTexts()
    const parsed = parsePolicy(await installerPolicy())
    assert.ok(parsed.ok)
    const expected = summarizePolicy(parsed.document, getCatalog()).allow.find((r) => r.service === 's3')!
    assert.deepEqual(cells, [
      expected.serviceName,
      expected.accessLevel,
      expected.resource,
      expected.requestCondition,
    ])
    assert.match(expected.accessLevel, /^Limited: /)
    await screenshot(page, 'role-permissions')
    await s3.getByRole('button', { name: expected.serviceName }).click()
    const actions = page.getByRole('table', { name: 's3 allow actions' })
    await actions.waitFor()
    const names = (await actions.locator('tbody th').allInnerTexts()).sort()
    assert.deepEqual(names, await policyS3Actions())
    await screenshot(page, 'role-permissions-s3')
    await page.getByRole('radio', { name: 'JSON' }).check()
    assert.match(await page.locator('pre.json').innerText(), /"s3:CreateBucket"/)
  })

  it('shows the trust relationship naming RH-Managed-OpenShift-Installer, and validates an edit', async () => {
    // The tab list works by keyboard: arrow keys move the selection and the focus.
    await page.getByRole('tab', { name: 'Permissions' }).focus()
    await page.keyboard.press('ArrowRight')
    assert.equal(
      await page.getByRole('tab', { name: 'Trust relationships' }).getAttribute('aria-selected'),
      'true',
    )
    assert.equal(await page.evaluate('document.activeElement.id'), 'tab-trust')
    const entities = page.getByRole('table', { name: 'Trusted entities' })
    await entities.getByText(RH_INSTALLER).waitFor()
    await screenshot(page, 'role-trust')
    await page.getByRole('button', { name: 'Edit trust policy' }).click()
    await page.getByLabel('Trust policy JSON').fill('{"Version":"2012-10-17","Statement":[{"Effect":"Allow"')
    await page.getByRole('button', { name: 'Update policy' }).click()
    await page.locator('#trust-problems li').first().waitFor()
    await page.getByRole('button', { name: 'Cancel' }).click()
    await page.getByRole('tab', { name: 'Tags' }).click()
    await page.getByRole('table', { name: 'Tags' }).getByText('red-hat-managed').waitFor()
  })

  it('shows when the role last accessed each service its policies allow', async () => {
    await page.getByRole('tab', { name: 'Last accessed' }).click()
    const table = page.getByRole('table', { name: 'Last accessed per service' })
    await table.waitFor()
    // The session issued before called iam:GetRole; the other allowed services were not used.
    const cells = await table.locator('tr[data-namespace="iam"] td').allInnerTexts()
    assert.deepEqual(cells.slice(1), ['Just now', 'us-east-1', 'GetRole'])
    assert.match(cells[0]!, /^AWS Identity and Access Management \(IAM\)/)
    assert.equal(await table.locator('tbody tr').first().getAttribute('data-namespace'), 'iam')
    const s3Cells = await table.locator('tr[data-namespace="s3"] td').allInnerTexts()
    assert.deepEqual(s3Cells.slice(1), ['Not accessed in the tracking period', '—', '—'])
    await screenshot(page, 'role-last-accessed')
  })

  it('lists the session issued before, revokes the sessions, and the earlier session fails', async () => {
    await page.getByRole('tab', { name: 'Sessions' }).click()
    const sessions = page.getByRole('table', { name: 'Active sessions' })
    await sessions.getByText('cluster-install').waitFor()
    assert.match(await sessions.innerText(), new RegExp(before_.accessKeyId))
    await screenshot(page, 'role-sessions')
    await page.getByRole('button', { name: 'Revoke active sessions' }).click()
    const dialog = page.getByRole('dialog', { name: 'Revoke all active sessions?' })
    await dialog.waitFor()
    await dialog.getByRole('button', { name: 'Revoke active sessions' }).click()
    await sessions.getByRole('cell', { name: 'Revoked' }).waitFor()
    const stored = await admin.send(
      new GetRolePolicyCommand({ RoleName: ROLE, PolicyName: REVOKE_POLICY_NAME }),
    )
    const document = JSON.parse(decodeURIComponent(stored.PolicyDocument!))
    assert.deepEqual(document.Statement[0].Action, ['*'])
    assert.ok(document.Statement[0].Condition.DateLessThan['aws:TokenIssueTime'])
    await assert.rejects(
      iamClient(server.url, before_).send(new GetRoleCommand({ RoleName: ROLE })),
      (error: Error) =>
        error.name === 'AccessDenied' && error.message.includes('is not authorized to perform: iam:GetRole'),
    )
    // A session issued after the revocation works.
    const rh = await stsClient(server.url, redHat).send(
      new AssumeRoleCommand({ RoleArn: RH_INSTALLER, RoleSessionName: 'rh-installer-2' }),
    )
    const fresh = await stsClient(server.url, keysOf(rh.Credentials)).send(
      new AssumeRoleCommand({ RoleArn: ROLE_ARN, RoleSessionName: 'after-revocation' }),
    )
    await iamClient(server.url, keysOf(fresh.Credentials)).send(new GetRoleCommand({ RoleName: ROLE }))
  })

  it('runs the policy simulator for the Installer role and shows the deciding statement', async () => {
    await page.getByRole('link', { name: 'Policy simulator' }).click()
    await page.getByLabel('User or role ARN').fill(ROLE_ARN)
    await page.getByLabel(/^Actions/).fill('s3:CreateBucket dynamodb:CreateTable')
    await page.getByRole('button', { name: 'Run simulation' }).click()
    const results = page.getByRole('table', { name: 'Simulation results' })
    await results.waitFor()
    const allowed = results.locator('tr[data-action="s3:CreateBucket"]')
    assert.match(await allowed.innerText(), /allowed/)
    assert.match(await allowed.innerText(), new RegExp(`${ROLE}-Policy`))
    assert.match(await results.locator('tr[data-action="dynamodb:CreateTable"]').innerText(), /implicitDeny/)
    await screenshot(page, 'simulator')
  })

  it('filters the audit trail by action and shows an event’s JSON', async () => {
    await server.app.flushAudit()
    await page.getByRole('link', { name: 'Audit trail' }).click()
    await page.getByLabel('Action (event name)').fill('ConsoleLogin')
    await page.getByRole('button', { name: 'Search' }).click()
    const events = page.getByRole('table', { name: 'Events' })
    await events.getByRole('button', { name: 'ConsoleLogin' }).first().click()
    const json = await page.getByRole('region', { name: 'Event JSON' }).innerText()
    assert.match(json, /"ConsoleLogin": "Success"/)
    assert.match(json, /"eventSource": "signin.amazonaws.com"/)
    await screenshot(page, 'audit')
  })

  it('shows policies, users and identity providers pages', async () => {
    await page.getByRole('link', { name: 'Policies' }).click()
    await page.getByRole('button', { name: `${ROLE}-Policy` }).click()
    await page.locator('table[aria-label="Allow services"] tr[data-service="ec2"]').waitFor()
    await screenshot(page, 'policies')
    await page.getByRole('link', { name: 'Users' }).click()
    await page.getByRole('row', { name: /operator/ }).waitFor()
    assert.match(await page.getByRole('row', { name: /^admin/ }).innerText(), /AKIA/)
    await screenshot(page, 'users')
    await page.getByRole('link', { name: 'Identity providers' }).click()
    const card = page.getByRole('region', { name: 'Provider oidc.example.com/cluster-1' })
    await card.getByRole('link', { name: 'cluster-1-ingress-operator' }).waitFor()
    assert.match((await card.textContent()) ?? '', /openshift, sts\.amazonaws\.com/)
    assert.match((await card.textContent()) ?? '', new RegExp('a'.repeat(40)))
    await screenshot(page, 'identity-providers')
  })

  it('names every control and table of the main pages, and its skip link moves the focus to the page', async () => {
    const routes = [
      'roles',
      ...['permissions', 'trust', 'tags', 'last-accessed', 'sessions'].map(
        (tab) => `roles/${ROLE}?tab=${tab}`,
      ),
      'policies',
      'users',
      'identity-providers',
      'clusters',
      'audit',
      'simulator',
    ]
    for (const route of routes) {
      await page.goto(`${server.url}/console/${route}`)
      await page.getByRole('heading', { level: 1 }).waitFor()
      await page.waitForLoadState('networkidle')
      assert.deepEqual(await page.evaluate(UNNAMED_ELEMENTS), [], route)
    }
    await page.goto(`${server.url}/console/roles`)
    await page.getByRole('heading', { name: 'Roles' }).waitFor()
    await page.keyboard.press('Tab')
    assert.equal(await page.evaluate('document.activeElement.textContent'), 'Skip to content')
    await page.keyboard.press('Enter')
    assert.equal(await page.evaluate('document.activeElement.id'), 'main')
  })

  it('signs out, ending the session on the server, and signs in with an access key', async () => {
    const stored = JSON.parse(
      String(await page.evaluate("sessionStorage.getItem('lanyard.console.session')")),
    ) as Keys & { method: string }
    assert.equal(stored.method, 'password')
    const replay = () =>
      stsClient(server.url, {
        accessKeyId: stored.accessKeyId,
        secretAccessKey: stored.secretAccessKey,
        sessionToken: stored.sessionToken!,
      }).send(new GetCallerIdentityCommand({}))
    assert.match((await replay()).Arn!, /user\/operator$/)
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.getByRole('heading', { name: 'Sign in to Lanyard' }).waitFor()
    assert.equal(await page.evaluate('sessionStorage.length'), 0)
    // The old session's credentials, replayed, are refused: sign-out ended it on the server.
    await assert.rejects(replay(), { name: 'InvalidClientTokenId' })
    await page.getByRole('radio', { name: 'Access key' }).check()
    await page.getByLabel('Access key ID').fill(server.credentials.accessKeyId)
    await page.getByLabel('Secret access key').fill(server.credentials.secretAccessKey)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByTestId('signed-in-as').getByText(`arn:aws:iam::${ACCOUNT}:user/admin`).waitFor()
    await screenshot(page, 'signed-in-with-access-key')
  })

  it('shows a user what the policy engine lets them see, and AWS’s AccessDenied for the rest', async () => {
    await admin.send(new CreateUserCommand({ UserName: 'viewer' }))
    await admin.send(new CreateLoginProfileCommand({ UserName: 'viewer', Password: PASSWORD }))
    await admin.send(
      new PutUserPolicyCommand({
        UserName: 'viewer',
        PolicyName: 'roles-only',
        PolicyDocument: policy({ Effect: 'Allow', Action: ['iam:ListRoles', 'iam:GetRole'], Resource: '*' }),
      }),
    )
    const viewerErrors: string[] = []
    const viewer = await watchedPage(browser, viewerErrors)
    await signInWithPassword(viewer, server.url, 'viewer')
    await viewer.getByRole('link', { name: ROLE }).waitFor()
    await viewer.getByRole('link', { name: 'Users' }).click()
    const alert = viewer.getByRole('alert')
    await alert.waitFor()
    assert.match(
      (await alert.textContent()) ?? '',
      new RegExp(
        `AccessDenied: User: arn:aws:iam::${ACCOUNT}:user/viewer is not authorized to perform: iam:ListUsers`,
      ),
    )
    await screenshot(viewer, 'access-denied')
    // The browser logs the 403 answers themselves; nothing else.
    assert.ok(viewerErrors.length > 0)
    for (const error of viewerErrors) assert.match(error, /status of 403/)
    await viewer.context().close()
  })

  it('has a user whose password must be reset change it before anything else', async () => {
    await admin.send(new CreateUserCommand({ UserName: 'newcomer' }))
    await admin.send(
      new CreateLoginProfileCommand({
        UserName: 'newcomer',
        Password: PASSWORD,
        PasswordResetRequired: true,
      }),
    )
    await admin.send(
      new PutUserPolicyCommand({
        UserName: 'newcomer',
        PolicyName: 'change-own-password',
        PolicyDocument: policy(
          {
            Effect: 'Allow',
            Action: 'iam:ChangePassword',
            Resource: `arn:aws:iam::${ACCOUNT}:user/newcomer`,
          },
          { Effect: 'Allow', Action: ['iam:ListRoles', 'iam:GetRole'], Resource: '*' },
        ),
      }),
    )
    const newcomerErrors: string[] = []
    const newcomer = await watchedPage(browser, newcomerErrors)
    await newcomer.goto(`${server.url}/console/`)
    await newcomer.getByLabel('Account ID or alias').fill(ACCOUNT)
    await newcomer.getByLabel('IAM user name', { exact: true }).fill('newcomer')
    await newcomer.getByLabel('Password', { exact: true }).fill(PASSWORD)
    await newcomer.getByRole('button', { name: 'Sign in' }).click()
    await newcomer.getByRole('heading', { name: 'Change your password' }).waitFor()
    assert.equal(await newcomer.getByRole('link', { name: 'Roles' }).count(), 0)
    await newcomer.getByLabel('Current password').fill(PASSWORD)
    await newcomer.getByLabel('New password', { exact: true }).fill(`${PASSWORD}2`)
    await newcomer.getByLabel('Confirm new password').fill(`${PASSWORD}2`)
    await newcomer.getByRole('button', { name: 'Change password' }).click()
    await newcomer.getByRole('link', { name: ROLE }).waitFor()
    assert.deepEqual(newcomerErrors, [])
    await newcomer.context().close()
    const signIn = (password: string) =>
      fetch(`${server.url}/console/api/signin`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-lanyard-console': '1' },
        body: JSON.stringify({ account: ACCOUNT, userName: 'newcomer', password }),
      })
    assert.equal((await signIn(PASSWORD)).status, 401)
    const fresh = await signIn(`${PASSWORD}2`)
    assert.equal(fresh.status, 200)
    assert.equal(
      ((await fresh.json()) as { passwordResetRequired?: boolean }).passwordResetRequired,
      undefined,
    )
  })

  it('wrote no errors to the browser console', () => {
    assert.deepEqual(errors, [])
  })
})
