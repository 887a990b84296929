import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'
import { extname, join, resolve, sep } from 'node:path'

/** Content types of the files a Vite build writes. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
}

/** Headers every console answer carries: nothing is framed, sniffed or loaded from elsewhere. */
export const CONSOLE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy':
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
}

/**
 * The file under `root` that `relative` (URL path below the console prefix, still percent-encoded) names, or
 * undefined when it escapes `root`, is not valid UTF-8 percent-encoding, or holds a NUL.
 */
export function resolveStaticPath(root: string, relative: string): string | undefined {
  let decoded: string
  try {
    decoded = decodeURIComponent(relative)
  } catch {
    return undefined
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined
  if (decoded.split('/').some((segment) => segment === '..')) return undefined
  const base = resolve(root)
  const file = resolve(join(base, decoded))
  return file === base || file.startsWith(base + sep) ? file : undefined
}

/** True when an Accept-Encoding header lists gzip with a non-zero weight. */
function acceptsGzip(header: string | undefined): boolean {
  return (header ?? '')
    .toLowerCase()
    .split(',')
    .some((part) => {
      const [name, ...params] = part.trim().split(';')
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
      return name === 'gzip' && (q === undefined || Number(q.slice(2)) > 0)
    })
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}

/**
 * Serves `relative` from `root`: the file when it exists; index.html for client routes (paths without a file
 * extension); 404 otherwise. A `.gz` copy beside the file is sent to clients that accept gzip. Hashed assets are
 * cached for a year, everything else is revalidated.
 */
export async function serveStatic(
  root: string,
  relative: string,
  method: string,
  response: ServerResponse,
  acceptEncoding?: string,
): Promise<void> {
  const named = resolveStaticPath(root, relative)
  const wanted = named !== undefined && (await isFile(named)) ? named : undefined
  const file =
    wanted ??
    (named !== undefined && extname(named) === '' && (await isFile(join(root, 'index.html')))
      ? join(root, 'index.html')
      : undefined)
  if (file === undefined) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...CONSOLE_SECURITY_HEADERS })
    response.end(method === 'HEAD' ? undefined : 'Not found\n')
    return
  }
  const gzipped = acceptsGzip(acceptEncoding) && (await isFile(`${file}.gz`)) ? `${file}.gz` : undefined
  const sent = gzipped ?? file
  const size = (await stat(sent)).size
  const immutable = relative.startsWith('assets/')
  response.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': String(size),
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    vary: 'accept-encoding',
    ...(gzipped ? { 'content-encoding': 'gzip' } : {}),
    ...CONSOLE_SECURITY_HEADERS,
  })
  if (method === 'HEAD') {
    response.end()
    return
  }
  createReadStream(sent).pipe(response)
}
