/** Stand-ins for the node: built-ins the catalog's and iam-data's file readers import; the console never calls them. */
const unavailable = (): never => {
  throw new Error('not available in the browser')
}

/** Stand-in for node:fs readFileSync. */
export const readFileSync = unavailable
/** Stand-in for node:module createRequire. */
export const createRequire = unavailable
/** Stand-in for node:path dirname. */
export const dirname = unavailable
/** Stand-in for node:path join. */
export const join = unavailable
/** Stand-in for node:path resolve. */
export const resolve = unavailable
/** Stand-in for node:url fileURLToPath. */
export const fileURLToPath = unavailable
/** Stand-in for node:url pathToFileURL. */
export const pathToFileURL = unavailable
/** Stand-in for fs/promises readFile. */
export const readFile = unavailable
