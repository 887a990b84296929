import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'

/** The profile Lanyard writes into its credentials file. */
export const PROFILE = 'lanyard'

/** Where the admin credentials of the default account are written. */
export const credentialsFile = (dataDir: string): string => join(dataDir, 'credentials')

/** Writes the admin key in the AWS shared-credentials format, readable by its owner only. */
export async function writeCredentialsFile(
  dataDir: string,
  key: { accessKeyId: string; secretAccessKey: string },
): Promise<string> {
  const file = credentialsFile(dataDir)
  const text = `[${PROFILE}]\naws_access_key_id = ${key.accessKeyId}\naws_secret_access_key = ${key.secretAccessKey}\n`
  await writeFile(file, text, { mode: 0o600 })
  return file
}
