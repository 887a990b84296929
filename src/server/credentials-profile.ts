import { appendFile, chmod } from 'node:fs/promises'

/** Appends one profile to an AWS shared-credentials file (created when missing), readable by its owner only. */
export async function appendCredentialsProfile(
  file: string,
  profile: string,
  key: { readonly accessKeyId: string; readonly secretAccessKey: string },
): Promise<void> {
  const text = `\n[${profile}]\naws_access_key_id = ${key.accessKeyId}\naws_secret_access_key = ${key.secretAccessKey}\n`
  await appendFile(file, text, { mode: 0o600 })
  await chmod(file, 0o600)
}
