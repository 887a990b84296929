import { randomBytes } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

/** Reads the 32-byte master key from LANYARD_MASTER_KEY (base64 or hex) or `<dataDir>/master.key`, creating the file (0600) on first start. */
export async function loadMasterKey(dataDir: string, configured: string | undefined): Promise<Uint8Array> {
  if (configured !== undefined) return decodeKey(configured, 'LANYARD_MASTER_KEY')
  const file = join(dataDir, 'master.key')
  try {
    return decodeKey((await readFile(file, 'utf8')).trim(), file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  const key = randomBytes(32)
  // `wx` fails if another process created the file meanwhile; then that process's key wins.
  try {
    await writeFile(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' })
    return key
  } catch {
    return decodeKey((await readFile(file, 'utf8')).trim(), file)
  }
}

function decodeKey(text: string, where: string): Uint8Array {
  const bytes = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64')
  if (bytes.length !== 32) throw new Error(`${where}: the master key must be 32 bytes, base64 or hex`)
  return bytes
}
