import { resolveShape, type ServiceModel, type Shape, type ShapeRef } from '../models/index.js'
import { formatScalar } from './scalars.js'
import type { XmlElement } from './xml-writer.js'

/** How scalars are written by one protocol. */
export interface XmlWriteOptions {
  /** Formats a timestamp member's value (query: ISO with `Z`; ec2: ISO with milliseconds). */
  readonly timestamp: (value: unknown, ref: ShapeRef, shape: Shape) => string
}

function namespaceAttributes(ref: ShapeRef, shape: Shape): Record<string, string> | undefined {
  const ns = ref.xmlNamespace ?? shape.xmlNamespace
  if (!ns) return undefined
  return { [ns.prefix ? `xmlns:${ns.prefix}` : 'xmlns']: ns.uri }
}

/** The element name of a member: for a flattened list, its member's name; else locationName or member name. */
export function memberElementName(memberName: string, ref: ShapeRef, shape: Shape): string {
  if (shape.type === 'list' && (ref.flattened || shape.flattened) && shape.member?.locationName) {
    return shape.member.locationName
  }
  return ref.locationName ?? shape.locationName ?? memberName
}

/** The child elements (and attributes) for the members of a structure value, in model order. */
export function structureContent(
  model: ServiceModel,
  shape: Shape,
  value: Record<string, unknown>,
  options: XmlWriteOptions,
): { readonly children: XmlElement[]; readonly attributes: Record<string, string> } {
  const children: XmlElement[] = []
  const attributes: Record<string, string> = {}
  for (const [name, ref] of Object.entries(shape.members ?? {})) {
    const memberValue = value[name]
    if (memberValue === undefined || memberValue === null) continue
    const target = resolveShape(model, ref)
    if (ref.location) continue // headers, URI labels and status codes are not body members
    const elementName = memberElementName(name, ref, target)
    if (ref.xmlAttribute) {
      attributes[elementName] = formatScalar(target, memberValue, (v) => options.timestamp(v, ref, target))
      continue
    }
    children.push(...writeValue(model, ref, target, memberValue, elementName, options))
  }
  return { children, attributes }
}

/** The elements for one value of a shape, named `name` (several for flattened lists and maps). */
export function writeValue(
  model: ServiceModel,
  ref: ShapeRef,
  shape: Shape,
  value: unknown,
  name: string,
  options: XmlWriteOptions,
): XmlElement[] {
  const ns = namespaceAttributes(ref, shape)
  switch (shape.type) {
    case 'structure': {
      const { children, attributes } = structureContent(
        model,
        shape,
        value as Record<string, unknown>,
        options,
      )
      const all = Object.assign({}, ns, attributes)
      return [{ name, children, ...(Object.keys(all).length > 0 ? { attributes: all } : {}) }]
    }
    case 'list': {
      const memberRef = shape.member!
      const memberShape = resolveShape(model, memberRef)
      const items = value as readonly unknown[]
      if (ref.flattened || shape.flattened) {
        return items.flatMap((item) => writeValue(model, memberRef, memberShape, item, name, options))
      }
      const itemName = memberRef.locationName ?? 'member'
      const children = items.flatMap((item) =>
        writeValue(model, memberRef, memberShape, item, itemName, options),
      )
      return [{ name, children, ...(ns ? { attributes: ns } : {}) }]
    }
    case 'map': {
      const keyName = shape.key!.locationName ?? 'key'
      const valueRef = shape.value!
      const valueShape = resolveShape(model, valueRef)
      const valueName = valueRef.locationName ?? 'value'
      const flattened = ref.flattened || shape.flattened
      const entries = Object.entries(value as Record<string, unknown>).map(([key, item]) => ({
        name: flattened ? name : 'entry',
        children: [
          { name: keyName, text: key },
          ...writeValue(model, valueRef, valueShape, item, valueName, options),
        ],
      }))
      return flattened ? entries : [{ name, children: entries }]
    }
    default:
      return [
        {
          name,
          text: formatScalar(shape, value, (v) => options.timestamp(v, ref, shape)),
          ...(ns ? { attributes: ns } : {}),
        },
      ]
  }
}
