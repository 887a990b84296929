/** A parsed XML element: local name (namespace prefix removed), attributes, child elements and text. */
export interface XmlNode {
  readonly name: string
  readonly attributes: Readonly<Record<string, string>>
  readonly children: readonly XmlNode[]
  /** The concatenated character data directly inside the element. */
  readonly text: string
}

/** Why an XML document could not be read. */
export class XmlSyntaxError extends Error {}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
const MAX_DEPTH = 64

/** XML 1.0 `Char`: a character reference to anything else (NUL, a surrogate, past U+10FFFF) is not well-formed. */
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  )
}

function characterReference(whole: string, code: number): string {
  if (!isXmlChar(code)) throw new XmlSyntaxError(`invalid character reference ${whole}`)
  return String.fromCodePoint(code)
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, entity: string) => {
    if (entity.startsWith('#x')) return characterReference(whole, Number.parseInt(entity.slice(2), 16))
    if (entity.startsWith('#')) return characterReference(whole, Number.parseInt(entity.slice(1), 10))
    const named = ENTITIES[entity]
    if (named === undefined) throw new XmlSyntaxError(`unknown entity ${whole}`)
    return named
  })
}

const localName = (qualified: string): string => qualified.slice(qualified.indexOf(':') + 1)

interface Building {
  name: string
  attributes: Record<string, string>
  children: XmlNode[]
  text: string
}

const ATTRIBUTE = /([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/g

function openTag(source: string): { name: string; attributes: Record<string, string>; selfClosing: boolean } {
  const selfClosing = source.endsWith('/')
  const body = selfClosing ? source.slice(0, -1) : source
  const nameEnd = body.search(/\s|$/)
  const name = body.slice(0, nameEnd)
  if (!/^[A-Za-z_][\w.:-]*$/.test(name)) throw new XmlSyntaxError(`bad element name '${name}'`)
  const attributes: Record<string, string> = {}
  for (const match of body.slice(nameEnd).matchAll(ATTRIBUTE)) {
    attributes[match[1]!] = decodeEntities(match[3] ?? match[4] ?? '')
  }
  return { name, attributes, selfClosing }
}

/**
 * Parses a small XML document (request bodies of S3 and Route 53) into a tree. DOCTYPE declarations are
 * refused, so entity expansion attacks cannot happen; nesting is limited to 64 levels.
 */
export function parseXml(xml: string): XmlNode {
  const stack: Building[] = []
  let root: XmlNode | undefined
  let i = 0
  while (i < xml.length) {
    const lt = xml.indexOf('<', i)
    const text = lt === -1 ? xml.slice(i) : xml.slice(i, lt)
    if (stack.length > 0) stack.at(-1)!.text += decodeEntities(text)
    else if (text.trim() !== '') throw new XmlSyntaxError('text outside the root element')
    if (lt === -1) break
    if (xml.startsWith('<?', lt) || xml.startsWith('<!--', lt)) {
      const end = xml.indexOf(xml.startsWith('<?', lt) ? '?>' : '-->', lt)
      if (end === -1) throw new XmlSyntaxError('unterminated declaration or comment')
      i = end + (xml.startsWith('<?', lt) ? 2 : 3)
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt)
      if (end === -1 || stack.length === 0) throw new XmlSyntaxError('bad CDATA section')
      stack.at(-1)!.text += xml.slice(lt + 9, end)
      i = end + 3
    } else if (xml.startsWith('<!', lt)) {
      throw new XmlSyntaxError('DOCTYPE and other declarations are not accepted')
    } else {
      const gt = xml.indexOf('>', lt)
      if (gt === -1) throw new XmlSyntaxError('unterminated tag')
      const tag = xml.slice(lt + 1, gt).trim()
      i = gt + 1
      if (tag.startsWith('/')) {
        const open = stack.pop()
        if (!open || open.name !== tag.slice(1).trim())
          throw new XmlSyntaxError(`unexpected closing tag <${tag}>`)
        const node: XmlNode = {
          name: localName(open.name),
          attributes: open.attributes,
          children: open.children,
          text: open.text,
        }
        if (stack.length > 0) stack.at(-1)!.children.push(node)
        else root = node
        continue
      }
      if (root) throw new XmlSyntaxError('more than one root element')
      const { name, attributes, selfClosing } = openTag(tag)
      if (selfClosing) {
        const node: XmlNode = { name: localName(name), attributes, children: [], text: '' }
        if (stack.length > 0) stack.at(-1)!.children.push(node)
        else root = node
      } else {
        if (stack.length >= MAX_DEPTH) throw new XmlSyntaxError('elements nested too deeply')
        stack.push({ name, attributes, children: [], text: '' })
      }
    }
  }
  if (stack.length > 0 || !root) throw new XmlSyntaxError('unexpected end of document')
  return root
}
