import { resolveShape, type ServiceModel, type Shape } from '../models/index.js'
import { readScalar } from './scalars.js'
import type { XmlNode } from './xml-reader.js'
import { memberElementName } from './xml-shape.js'

/** Raised when an element's text does not fit its member's type. */
export class XmlValueError extends Error {}

function readMapEntries(
  model: ServiceModel,
  shape: Shape,
  entries: readonly XmlNode[],
): Record<string, unknown> {
  const keyName = shape.key!.locationName ?? 'key'
  const valueRef = shape.value!
  const valueName = valueRef.locationName ?? 'value'
  const valueShape = resolveShape(model, valueRef)
  const out: Record<string, unknown> = {}
  for (const entry of entries) {
    const key = entry.children.find((c) => c.name === keyName)
    const value = entry.children.find((c) => c.name === valueName)
    if (key) out[key.text] = value ? readXmlValue(model, valueShape, value) : null
  }
  return out
}

function readStructure(model: ServiceModel, shape: Shape, node: XmlNode): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [name, ref] of Object.entries(shape.members ?? {})) {
    if (ref.location) continue
    const target = resolveShape(model, ref)
    const elementName = memberElementName(name, ref, target)
    if (ref.xmlAttribute) {
      const text = node.attributes[elementName]
      if (text !== undefined) out[name] = scalar(target, text)
      continue
    }
    const flattened = ref.flattened || target.flattened
    if (flattened && target.type === 'list') {
      const items = node.children.filter((c) => c.name === elementName)
      const memberShape = resolveShape(model, target.member!)
      if (items.length > 0) out[name] = items.map((item) => readXmlValue(model, memberShape, item))
    } else if (flattened && target.type === 'map') {
      const entries = node.children.filter((c) => c.name === elementName)
      if (entries.length > 0) out[name] = readMapEntries(model, target, entries)
    } else {
      const child = node.children.find((c) => c.name === elementName)
      if (child) out[name] = readXmlValue(model, target, child)
    }
  }
  return out
}

function scalar(shape: Shape, text: string): unknown {
  const result = readScalar(shape, shape.type === 'string' ? text : text.trim())
  if (!result.ok) throw new XmlValueError(result.message)
  return result.value
}

/** Reads one element as a value of a shape, by the model's element names (lists and maps by the model, never by guess). */
export function readXmlValue(model: ServiceModel, shape: Shape, node: XmlNode): unknown {
  switch (shape.type) {
    case 'structure':
      return readStructure(model, shape, node)
    case 'list': {
      const memberRef = shape.member!
      const memberShape = resolveShape(model, memberRef)
      const itemName = memberRef.locationName ?? 'member'
      return node.children
        .filter((c) => c.name === itemName)
        .map((item) => readXmlValue(model, memberShape, item))
    }
    case 'map':
      return readMapEntries(
        model,
        shape,
        node.children.filter((c) => c.name === 'entry'),
      )
    default:
      return scalar(shape, node.text)
  }
}
