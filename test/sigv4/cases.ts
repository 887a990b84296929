import { readdirSync, readFileSync } from 'node:fs'
import type { ReceivedRequest } from '../../src/sigv4/index.js'

/** The conformance data folder. */
export const SIGV4_DATA = new URL('../conformance/sigv4/', import.meta.url)

/** A request as a case file writes it: body as UTF-8 text, headers lower-case. */
export interface CaseRequest {
  method: string
  path: string
  query: string
  headers: Record<string, string | string[]>
  body?: string
}

/** One signed request with what AWS computes for it. */
export interface SignatureCase {
  name: string
  source: string
  mechanism: 'header' | 'query'
  s3: boolean
  credentials: { accessKeyId: string; secretAccessKey: string }
  now: string
  request: CaseRequest
  authorization?: string
  canonicalRequest: string
  stringToSign: string
  signature: string
  securityToken?: string
  skip?: string
}

/** Loads every case file of a folder under the conformance data, sorted by file name. */
export function loadFolder<T>(folder: string): Array<{ file: string; data: T }> {
  const dir = new URL(`${folder}/`, SIGV4_DATA)
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, data: JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as T }))
}

/** Loads one signature case by `folder/name`. */
export function loadCase(ref: string): SignatureCase {
  return JSON.parse(readFileSync(new URL(`${ref}.json`, SIGV4_DATA), 'utf8')) as SignatureCase
}

/** Builds the received request of a case, with its Authorization header when it has one. */
export function received(c: { request: CaseRequest; authorization?: string }): ReceivedRequest {
  const headers: Record<string, string | string[]> = { ...c.request.headers }
  if (c.authorization !== undefined) headers.authorization = c.authorization
  return {
    method: c.request.method,
    path: c.request.path,
    query: c.request.query,
    headers,
    body: new TextEncoder().encode(c.request.body ?? ''),
  }
}
