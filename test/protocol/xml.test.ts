import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { MODELS } from '../../src/models/index.js'
import { escapeXml, parseRequest, parseXml, renderXml, XmlSyntaxError } from '../../src/protocol/index.js'

describe('xml writer', () => {
  it('escapes markup, quotes and line breaks, and drops characters XML cannot carry', () => {
    assert.equal(escapeXml(`<a href="x">&'\r\n\u0001`), '&lt;a href=&quot;x&quot;&gt;&amp;&apos;&#xD;&#xA;')
  })
  it('writes empty elements as <Name/> and attributes escaped', () => {
    assert.equal(
      renderXml({ name: 'A', attributes: { xmlns: 'u"' }, children: [{ name: 'B', text: '' }] }),
      '<A xmlns="u&quot;"><B/></A>',
    )
  })
  it('round-trips any text through the reader', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const printable = text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
        assert.equal(
          parseXml(renderXml({ name: 'A', children: [{ name: 'B', text }] })).children[0]?.text ?? '',
          printable,
        )
      }),
    )
  })
})

describe('xml reader', () => {
  it('reads declarations, comments, CDATA, entities and namespace prefixes', () => {
    const node = parseXml(
      '<?xml version="1.0"?><!-- c --><s3:A xmlns:s3="u" k=\'v\'><B>x &amp; &#x41;&#66;</B><![CDATA[<raw>]]><C/></s3:A>',
    )
    assert.equal(node.name, 'A')
    assert.equal(node.attributes.k, 'v')
    assert.deepEqual(
      node.children.map((c) => [c.name, c.text]),
      [
        ['B', 'x & AB'],
        ['C', ''],
      ],
    )
    assert.equal(node.text, '<raw>')
  })
  for (const [name, xml] of [
    ['a DOCTYPE', '<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>'],
    ['an unknown entity', '<a>&x;</a>'],
    ['mismatched tags', '<a><b></a></b>'],
    ['two roots', '<a/><b/>'],
    ['an unterminated document', '<a><b>'],
    ['text outside the root', 'x<a/>'],
    ['deep nesting', `${'<a>'.repeat(100)}${'</a>'.repeat(100)}`],
  ] as const) {
    it(`refuses ${name}`, () => assert.throws(() => parseXml(xml), XmlSyntaxError))
  }
})

describe('parseRequest never throws on hostile input', () => {
  const cases = [
    { protocol: 'query', model: MODELS.iam, operation: 'CreateRole' },
    { protocol: 'ec2', model: MODELS.ec2, operation: 'RunInstances' },
    { protocol: 'json', model: MODELS.secretsmanager, operation: 'CreateSecret' },
    { protocol: 'rest-xml', model: MODELS.s3, operation: 'PutBucketTagging' },
    { protocol: 'rest-xml', model: MODELS.route53, operation: 'ChangeResourceRecordSets' },
  ] as const
  for (const c of cases) {
    it(`${c.protocol} ${c.operation}: every answer is an input or a 4xx error`, () => {
      const key = fc.constantFrom(
        'RoleName',
        'Tags.member.1.Key',
        'Tags.member.99',
        'MinCount',
        'BlockDeviceMapping.1.Ebs.VolumeSize',
        'x',
      )
      const body = fc.oneof(
        fc.string(),
        fc.dictionary(key, fc.string()).map((d) => new URLSearchParams(d).toString()),
        fc.json(),
        fc.constantFrom(
          '<Tagging><TagSet><Tag><Key>k</Key></Tag></TagSet></Tagging>',
          '<a>'.repeat(70),
          '<!DOCTYPE x>',
        ),
      )
      fc.assert(
        fc.property(body, fc.string(), (text, path) => {
          const wire = {
            method: 'POST',
            path: `/${path}`,
            query: new URLSearchParams(text),
            headers: {},
            body: text,
          }
          const result = parseRequest(c.protocol, c.model, c.operation, wire)
          if (!result.ok)
            assert.ok(result.error.status >= 400 && result.error.status < 500, JSON.stringify(result.error))
        }),
        { numRuns: 300 },
      )
    })
  }
})
