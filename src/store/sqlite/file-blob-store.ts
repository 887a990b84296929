import { randomUUID } from 'node:crypto'
import { type FileHandle, mkdir, open, readdir, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { type BlobStore, DISK_ERROR_CODES, StoreUnavailable } from '../ports/index.js'

/** Blob ids are UUIDs the store makes; nothing a caller sends ever becomes a path. */
const BLOB_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** Reads a whole file in as few reads as its size allows (fs.promises.readFile reads in small chunks). */
async function readWhole(handle: FileHandle): Promise<Uint8Array> {
  const { size } = await handle.stat()
  const buffer = Buffer.allocUnsafe(size)
  let filled = 0
  while (filled < size) {
    const { bytesRead } = await handle.read(buffer, filled, size - filled, filled)
    if (bytesRead === 0) break
    filled += bytesRead
  }
  return filled === size ? buffer : buffer.subarray(0, filled)
}

/** A file-system error that means the disk refused the write becomes StoreUnavailable (ServiceUnavailable 503). */
function asDiskFailure(error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  return code !== undefined && DISK_ERROR_CODES.has(code) ? new StoreUnavailable(code) : error
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** Whether a process with this id runs (EPERM: it does, under another user). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Removes what crashed processes left in the temporary folder: files of processes that no longer run (and of this
 * process's id), and files not named after a process. CAUTION: files of running processes stay, since several
 * processes (`lanyard server --workers N`) share one blob directory, each writing `<pid>-<uuid>` files.
 */
async function removeLeftovers(tmp: string): Promise<void> {
  await mkdir(tmp, { recursive: true, mode: 0o700 })
  for (const name of await readdir(tmp)) {
    const pid = /^(\d+)-/.exec(name)?.[1]
    if (pid === undefined || Number(pid) === process.pid || !isRunning(Number(pid)))
      await rm(join(tmp, name), { recursive: true, force: true })
  }
}

/**
 * Object bytes as files under `dir` (`<dir>/<first two hex>/<uuid>`): each is written to `<dir>/tmp/<pid>-<uuid>`,
 * synced, renamed into place and its directory synced, so a blob id is only ever answered for complete, durable
 * bytes. Temporary files a crashed process left behind are removed when a store opens.
 */
export async function fileBlobStore(dir: string): Promise<BlobStore> {
  const tmp = join(dir, 'tmp')
  await removeLeftovers(tmp)
  const pathOf = (id: string): string => {
    if (!BLOB_ID.test(id)) throw new Error(`not a blob id: ${id}`)
    return join(dir, id.slice(0, 2), id)
  }
  return {
    async put(bytes) {
      const id = randomUUID()
      const temporary = join(tmp, `${process.pid}-${id}`)
      try {
        const handle = await open(temporary, 'wx', 0o600)
        try {
          await handle.writeFile(bytes)
          await handle.sync()
        } finally {
          await handle.close()
        }
        const shard = join(dir, id.slice(0, 2))
        await mkdir(shard, { recursive: true, mode: 0o700 })
        await rename(temporary, pathOf(id))
        await syncDirectory(shard)
        return id
      } catch (error) {
        // A full disk leaves a partial temporary file: remove it, so the space comes back with the next delete.
        await rm(temporary, { force: true }).catch(() => undefined)
        throw asDiskFailure(error)
      }
    },
    async get(id) {
      let handle: FileHandle
      try {
        handle = await open(pathOf(id), 'r')
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
        throw error
      }
      try {
        return await readWhole(handle)
      } finally {
        await handle.close()
      }
    },
    async delete(id) {
      await rm(pathOf(id), { force: true })
    },
  }
}
