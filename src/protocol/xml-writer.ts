/** An XML element: a name, optional attributes, and either text or child elements. */
export interface XmlElement {
  readonly name: string
  readonly attributes?: Readonly<Record<string, string>>
  readonly text?: string
  readonly children?: readonly XmlElement[]
}

const TEXT_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\r': '&#xD;',
  '\n': '&#xA;',
}

// XML 1.0 forbids most C0 controls even as character references; they are dropped.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g
const NEEDS_ESCAPING = /[&<>"'\r\n\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/

/** Escapes text for element content and attribute values (AWS also escapes quotes and CR/LF). */
export function escapeXml(text: string): string {
  if (!NEEDS_ESCAPING.test(text)) return text
  return text.replace(INVALID_XML, '').replace(/[&<>"'\r\n]/g, (c) => TEXT_ESCAPES[c]!)
}

function renderAttributes(attributes: Readonly<Record<string, string>> | undefined): string {
  if (!attributes) return ''
  return Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join('')
}

/** Renders an element compactly; an element with neither text nor children is written `<Name/>`. */
export function renderXml(element: XmlElement): string {
  const open = `${element.name}${renderAttributes(element.attributes)}`
  if (element.text !== undefined) {
    return element.text === '' ? `<${open}/>` : `<${open}>${escapeXml(element.text)}</${element.name}>`
  }
  if (!element.children || element.children.length === 0) return `<${open}/>`
  return `<${open}>${element.children.map(renderXml).join('')}</${element.name}>`
}

/** The XML declaration AWS puts before S3 and EC2 error documents. */
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>'

/** Shorthand for a text element. */
export const textElement = (name: string, text: string): XmlElement => ({ name, text })
