import { type OperationModel, resolveShape, type ServiceModel, type Shape } from '../models/index.js'
import { readScalar, readTimestamp } from './scalars.js'
import type { ProtocolError, WireRequest } from './types.js'
import { parseXml, XmlSyntaxError } from './xml-reader.js'
import { readXmlValue, XmlValueError } from './xml-shape-reader.js'

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

const templateCache = new Map<string, { regex: RegExp; labels: string[]; literals: number }>()

/** The path part of a requestUri as a regex: `{Name}` is one segment, `{Name+}` the rest; a trailing slash is optional. */
function compileTemplate(requestUri: string): { regex: RegExp; labels: string[]; literals: number } {
  const cached = templateCache.get(requestUri)
  if (cached) return cached
  const path = requestUri.split('?')[0]!.replace(/\/$/, '')
  const labels: string[] = []
  let literals = 0
  const source = path.replace(/\{([^}]+)\}|[^{]+/g, (part, label: string | undefined) => {
    if (!label) {
      literals += part.split('/').filter(Boolean).length
      return escapeRegex(part)
    }
    labels.push(label.replace(/\+$/, ''))
    return label.endsWith('+') ? '(.+)' : '([^/]+)'
  })
  const compiled = { regex: new RegExp(`^${source}/?$`), labels, literals }
  templateCache.set(requestUri, compiled)
  return compiled
}

/** The URI labels of a path for a requestUri template, percent-decoded once (`+` stays `+`); undefined if it does not match. */
export function matchPath(requestUri: string, path: string): Record<string, string> | undefined {
  const { regex, labels } = compileTemplate(requestUri)
  const match = regex.exec(path)
  if (!match) return undefined
  try {
    return Object.fromEntries(labels.map((label, i) => [label, decodeURIComponent(match[i + 1]!)]))
  } catch {
    return undefined
  }
}

/** The query literals of a requestUri (`?list-type=2`, `?delete`), as [key, value or undefined]. */
function queryLiterals(requestUri: string): [string, string | undefined][] {
  const query = requestUri.split('?')[1]
  if (!query) return []
  return query.split('&').map((part) => {
    const [key, value] = part.split('=')
    return [key!, value]
  })
}

/**
 * Finds the rest-xml operation for a request: method, path template, the requestUri's query literals and
 * the input's required query and header members must all match; the most specific candidate wins
 * (PUT /{Bucket}/{Key+} is CopyObject with x-amz-copy-source, UploadPart with partNumber and uploadId).
 */
export function findRestOperation(model: ServiceModel, wire: WireRequest): OperationModel | undefined {
  let best: { operation: OperationModel; score: number } | undefined
  for (const operation of Object.values(model.operations)) {
    if (operation.http.method !== (wire.method ?? 'GET').toUpperCase()) continue
    if (!matchPath(operation.http.requestUri, wire.path)) continue
    const literals = queryLiterals(operation.http.requestUri)
    if (!literals.every(([k, v]) => wire.query.has(k) && (v === undefined || wire.query.get(k) === v)))
      continue
    let score = literals.length * 10 + compileTemplate(operation.http.requestUri).literals * 100
    const input = operation.input ? resolveShape(model, operation.input) : undefined
    let fits = true
    for (const name of input?.required ?? []) {
      const ref = input!.members![name]!
      if (ref.location === 'querystring') fits &&= wire.query.has(ref.locationName ?? name)
      else if (ref.location === 'header')
        fits &&= wire.headers[(ref.locationName ?? name).toLowerCase()] !== undefined
      else continue
      score += 1
    }
    if (fits && (!best || score > best.score)) best = { operation, score }
  }
  return best?.operation
}

function headerValue(shape: Shape, text: string): ReturnType<typeof readScalar> {
  if (shape.type === 'timestamp') {
    const date = readTimestamp(text)
    return date ? { ok: true, value: date } : { ok: false, message: `Invalid date '${text}'` }
  }
  if (shape.type === 'list') return { ok: true, value: text.split(',').map((v) => v.trim()) }
  return readScalar(shape, text)
}

const bodyText = (body: WireRequest['body']): string =>
  typeof body === 'string' ? body : body ? Buffer.from(body).toString('utf8') : ''

/** AWS: S3's answer to a body that is not the XML the operation takes. */
export const MALFORMED_XML: ProtocolError = {
  code: 'MalformedXML',
  status: 400,
  message: 'The XML you provided was not well-formed or did not validate against our published schema',
}

/** Reads a rest-xml input from URI labels, query string, headers and the XML (or raw payload) body. */
export function readRestXmlInput(
  model: ServiceModel,
  operation: OperationModel,
  wire: WireRequest,
): { readonly input: Record<string, unknown> } | { readonly error: ProtocolError } {
  if (!operation.input) return { input: {} }
  const shape = resolveShape(model, operation.input)
  const labels = matchPath(operation.http.requestUri, wire.path) ?? {}
  const input: Record<string, unknown> = {}
  let bodyMembers = false
  for (const [name, ref] of Object.entries(shape.members ?? {})) {
    const target = resolveShape(model, ref)
    const wireName = ref.locationName ?? name
    let read: ReturnType<typeof readScalar> | undefined
    if (ref.location === 'uri' && labels[wireName] !== undefined) read = readScalar(target, labels[wireName])
    else if (ref.location === 'querystring') {
      const values = wire.query.getAll(wireName)
      if (target.type === 'list') read = values.length > 0 ? { ok: true, value: values } : undefined
      else if (values.length > 0) read = readScalar(target, values[0]!)
    } else if (ref.location === 'header') {
      const text = wire.headers[wireName.toLowerCase()]
      if (text !== undefined) read = headerValue(target, text)
    } else if (ref.location === 'headers') {
      const prefix = wireName.toLowerCase()
      const entries = Object.entries(wire.headers).filter(([k, v]) => k.startsWith(prefix) && v !== undefined)
      if (entries.length > 0)
        read = { ok: true, value: Object.fromEntries(entries.map(([k, v]) => [k.slice(prefix.length), v])) }
    } else if (!ref.location && name !== shape.payload) bodyMembers = true
    if (read && !read.ok) {
      // AWS: S3 calls a mistyped parameter InvalidArgument; Route 53 calls it InvalidInput.
      const code = model.metadata.serviceId === 'S3' ? 'InvalidArgument' : 'InvalidInput'
      return { error: { code, status: 400, message: read.message } }
    }
    if (read) input[name] = read.value
  }
  try {
    if (shape.payload) {
      const ref = shape.members![shape.payload]!
      const target = resolveShape(model, ref)
      if (target.type === 'structure') {
        const text = bodyText(wire.body)
        if (text.trim() !== '') input[shape.payload] = readXmlValue(model, target, parseXml(text))
      } else if (wire.body !== undefined && wire.body !== '') input[shape.payload] = wire.body
    } else if (bodyMembers && bodyText(wire.body).trim() !== '') {
      Object.assign(input, readXmlValue(model, shape, parseXml(bodyText(wire.body))))
    }
  } catch (error) {
    if (error instanceof XmlSyntaxError || error instanceof XmlValueError) return { error: MALFORMED_XML }
    throw error
  }
  return { input }
}
