import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { formatMasterKey, generateMasterKey, parseMasterKey } from '../store/index.js'

/** Reads the 32-byte master key from LANYARD_MASTER_KEY (hex or base64) or `<dataDir>/master.key`, creating the file (0600) on first start. */
export async function loadMasterKey(dataDir: string, configured: string | undefined): Promise<Uint8Array> {
  if (configured !== undefined) return decodeKey(configured, 'LANYARD_MASTER_KEY')
  const file = join(dataDir, 'master.key')
  try {
    return decodeKey(await readFile(file, 'utf8'), file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  const key = generateMasterKey()
  // `wx` fails if another process created the file meanwhile; then that process's key wins.
  try {
    await writeFile(file, `${formatMasterKey(key)}\n`, { mode: 0o600, flag: 'wx' })
    return key
  } catch {
    return decodeKey(await readFile(file, 'utf8'), file)
  }
}

function decodeKey(text: string, where: string): Uint8Array {
  const key = parseMasterKey(text)
  if (key === undefined)
    throw new Error(`${where}: the master key must be 32 bytes, as 64 hex characters or base64`)
  return key
}
