import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import * as cloudtrailSdk from '@aws-sdk/client-cloudtrail'
import * as ec2Sdk from '@aws-sdk/client-ec2'
import * as elbSdk from '@aws-sdk/client-elastic-load-balancing'
import * as elbv2Sdk from '@aws-sdk/client-elastic-load-balancing-v2'
import * as iamSdk from '@aws-sdk/client-iam'
import * as taggingSdk from '@aws-sdk/client-resource-groups-tagging-api'
import * as route53Sdk from '@aws-sdk/client-route-53'
import * as s3Sdk from '@aws-sdk/client-s3'
import * as secretsSdk from '@aws-sdk/client-secrets-manager'
import * as stsSdk from '@aws-sdk/client-sts'
import { NormalizedSchema } from '@smithy/core/schema'
import {
  MODELS,
  type ModelName,
  resolveShape,
  type ServiceModel,
  type Shape,
  type ShapeRef,
} from '../../src/models/index.js'
import { EC2_DIALECT } from '../../src/protocol/index.js'

/**
 * Drift guard: the committed models (botocore 1.29) against the schemas compiled into the SDK v3 clients
 * (@smithy/core NormalizedSchema). Newer SDKs may add members; every member, wire name, list member name,
 * flattening, scalar kind and error code/status that Lanyard's model has must still be the SDK's.
 */

type Sdk = Record<string, unknown>

function kindOf(schema: NormalizedSchema): string {
  if (schema.isStructSchema()) return 'structure'
  if (schema.isListSchema()) return 'list'
  if (schema.isMapSchema()) return 'map'
  if (schema.isTimestampSchema()) return 'timestamp'
  if (schema.isBooleanSchema()) return 'boolean'
  if (schema.isNumericSchema() || schema.isBigIntegerSchema()) return 'number'
  if (schema.isBlobSchema()) return 'blob'
  if (schema.isStringSchema()) return 'string'
  return 'other'
}

const ourKind = (shape: Shape): string =>
  ['integer', 'long', 'float', 'double'].includes(shape.type) ? 'number' : shape.type

/** Shapes that model-patches.json changes on purpose: their members are not compared. */
const PATCHED: ReadonlySet<string> = new Set(
  (
    JSON.parse(
      readFileSync(join(import.meta.dirname, '..', '..', 'src', 'models', 'model-patches.json'), 'utf8'),
    ) as {
      service: string
      path: string[]
    }[]
  )
    .filter((p) => p.path[0] === 'shapes')
    .map((p) => `${p.service}:${p.path[1]}`),
)

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1)

/** The wire facts of one member, in the SDK's trait vocabulary, as Lanyard's model states them. */
function ourTraits(model: ServiceModel, shape: Shape, name: string, ref: ShapeRef): Record<string, unknown> {
  const target = resolveShape(model, ref)
  const location = ref.locationName ?? target.locationName
  const traits: Record<string, unknown> = {}
  if (ref.location === 'header') traits.httpHeader = location?.toLowerCase()
  else if (ref.location === 'querystring') traits.httpQuery = location
  else if (ref.location === 'headers') traits.httpPrefixHeaders = location?.toLowerCase()
  else if (ref.location === 'uri') traits.httpLabel = true
  else if (ref.location === 'statusCode') traits.httpResponseCode = true
  else traits.xmlName = model.metadata.protocol === 'json' ? undefined : location
  traits.xmlFlattened = Boolean(ref.flattened || target.flattened)
  traits.httpPayload = shape.payload === name
  traits.sensitive = Boolean(ref.sensitive || target.sensitive)
  if (model.metadata.protocol === 'ec2') traits.ec2Key = EC2_DIALECT.memberKey(name, ref, target)
  return traits
}

/** On EC2 inputs only the query key is on the wire; the SDK sometimes adds an xmlName that changes nothing. */
function wireOnly(
  model: ServiceModel,
  path: string,
  traits: Record<string, unknown>,
): Record<string, unknown> {
  if (model.metadata.protocol !== 'ec2' || !path.startsWith('input')) return traits
  const { xmlName: _, ...rest } = traits
  return rest
}

function sdkTraits(
  model: ServiceModel,
  name: string,
  member: NormalizedSchema,
  ours: Record<string, unknown>,
): Record<string, unknown> {
  const t = member.getMergedTraits() as Record<string, unknown>
  const traits: Record<string, unknown> = {}
  if ('httpHeader' in ours) traits.httpHeader = String(t.httpHeader ?? '').toLowerCase() || undefined
  else if ('httpQuery' in ours) traits.httpQuery = t.httpQuery
  else if ('httpPrefixHeaders' in ours)
    traits.httpPrefixHeaders = String(t.httpPrefixHeaders ?? '').toLowerCase() || undefined
  else if ('httpLabel' in ours) traits.httpLabel = Boolean(t.httpLabel)
  else if ('httpResponseCode' in ours) traits.httpResponseCode = Boolean(t.httpResponseCode)
  else traits.xmlName = t.xmlName
  traits.xmlFlattened = Boolean(t.xmlFlattened)
  traits.httpPayload = Boolean(t.httpPayload)
  traits.sensitive = Boolean(t.sensitive)
  if (model.metadata.protocol === 'ec2') {
    traits.ec2Key =
      (t.ec2QueryName as string | undefined) ?? capitalize((t.xmlName as string | undefined) ?? name)
  }
  return traits
}

function compare(
  model: ServiceModel,
  ref: ShapeRef,
  sdk: NormalizedSchema,
  path: string,
  seen: Set<string>,
  problems: string[],
): void {
  const shape = resolveShape(model, ref)
  if (kindOf(sdk) !== ourKind(shape))
    problems.push(`${path}: ${ourKind(shape)} here, ${kindOf(sdk)} in the SDK`)
  // Each shape is compared once per operation (EC2 shapes are shared widely; per-path walks explode).
  if (seen.has(ref.shape)) return
  seen.add(ref.shape)
  const inner = seen
  const patched = PATCHED.has(`${modelKey(model)}:${ref.shape}`)
  if (shape.type === 'structure' && sdk.isStructSchema()) {
    const sdkMembers = new Map<string, NormalizedSchema>(sdk.structIterator())
    for (const [name, memberRef] of Object.entries(shape.members ?? {})) {
      const sdkMember = sdkMembers.get(name)
      if (!sdkMember) {
        problems.push(`${path}.${name}: missing in the SDK`)
        continue
      }
      const ours = wireOnly(model, path, ourTraits(model, shape, name, memberRef))
      const theirs = wireOnly(model, path, sdkTraits(model, name, sdkMember, ours))
      if (!patched && JSON.stringify(ours) !== JSON.stringify(theirs)) {
        problems.push(`${path}.${name}: ${JSON.stringify(ours)} here, ${JSON.stringify(theirs)} in the SDK`)
      }
      compare(model, memberRef, sdkMember, `${path}.${name}`, inner, problems)
    }
  } else if (shape.type === 'list' && sdk.isListSchema()) {
    const sdkMember = sdk.getValueSchema()
    const ours = shape.member!.locationName
    const theirs = sdkMember.getMergedTraits().xmlName
    if (model.metadata.protocol !== 'json' && ours !== theirs) {
      problems.push(`${path}[]: member name ${ours} here, ${theirs} in the SDK`)
    }
    compare(model, shape.member!, sdkMember, `${path}[]`, inner, problems)
  } else if (shape.type === 'map' && sdk.isMapSchema()) {
    compare(model, shape.value!, sdk.getValueSchema(), `${path}{}`, inner, problems)
  }
}

const modelKey = (model: ServiceModel): string =>
  Object.entries(MODELS).find(([, m]) => m === model)?.[0] ?? model.metadata.endpointPrefix

function driftOf(model: ServiceModel, sdk: Sdk, operationName: string): string[] {
  const problems: string[] = []
  const opSchema = sdk[`${operationName}$`]
  if (!opSchema) return [`${operationName}: not in the SDK`]
  const operation = model.operations[operationName]!
  const [, , , , input, output] = opSchema as [number, string, string, unknown, unknown, unknown]
  if (operation.input)
    compare(model, operation.input, NormalizedSchema.of(input as never), 'input', new Set(), problems)
  if (operation.output)
    compare(model, operation.output, NormalizedSchema.of(output as never), 'output', new Set(), problems)
  for (const error of operation.errors ?? []) {
    const shape = resolveShape(model, error)
    const sdkError = sdk[`${error.shape}$`] as [number, string, string, Record<string, unknown>] | undefined
    if (!sdkError) {
      problems.push(`error ${error.shape}: not in the SDK`)
      continue
    }
    const traits = sdkError[3]
    const expected = [
      shape.error?.code ?? error.shape,
      shape.error?.httpStatusCode ?? (shape.fault ? 500 : 400),
    ]
    // awsQueryError is the query code (json services that are awsQueryCompatible carry it too).
    const query = traits.awsQueryError as [string, number] | undefined
    const status =
      (traits.httpError as number | undefined) ?? query?.[1] ?? (traits.error === 'server' ? 500 : 400)
    const actual = model.metadata.protocol === 'query' && query ? query : [error.shape, status]
    if (model.metadata.protocol !== 'query') expected[0] = error.shape
    if (actual[0] !== expected[0] || actual[1] !== expected[1]) {
      problems.push(`error ${error.shape}: ${expected.join(' ')} here, ${actual.join(' ')} in the SDK`)
    }
  }
  return problems
}

/** Every model, with its SDK v3 client. */
const CHECKED: readonly { readonly name: ModelName; readonly sdk: Sdk }[] = [
  { name: 'sts', sdk: stsSdk as unknown as Sdk },
  { name: 'iam', sdk: iamSdk as unknown as Sdk },
  { name: 'ec2', sdk: ec2Sdk as unknown as Sdk },
  { name: 's3', sdk: s3Sdk as unknown as Sdk },
  { name: 'route53', sdk: route53Sdk as unknown as Sdk },
  { name: 'secretsmanager', sdk: secretsSdk as unknown as Sdk },
  { name: 'elb', sdk: elbSdk as unknown as Sdk },
  { name: 'elbv2', sdk: elbv2Sdk as unknown as Sdk },
  { name: 'cloudtrail', sdk: cloudtrailSdk as unknown as Sdk },
  { name: 'resourcegroupstaggingapi', sdk: taggingSdk as unknown as Sdk },
]

for (const { name, sdk } of CHECKED) {
  describe(`model drift: ${name} against its @aws-sdk client`, () => {
    for (const operationName of Object.keys(MODELS[name].operations)) {
      it(operationName, () => {
        const problems = driftOf(MODELS[name], sdk, operationName)
        assert.ok(
          problems.length === 0,
          `${problems.length} differences:\n${problems.slice(0, 10).join('\n')}`,
        )
      })
    }
  })
}

describe('model drift: the comparison itself', () => {
  it('reports a changed scalar type', () => {
    const model = MODELS.sts
    const broken: ServiceModel = {
      ...model,
      shapes: { ...model.shapes, roleDurationSecondsType: { type: 'string' } },
    }
    const problems = driftOf(broken, stsSdk as unknown as Sdk, 'AssumeRole')
    assert.ok(problems.includes('input.DurationSeconds: string here, number in the SDK'), problems.join('\n'))
  })
  it('reports a renamed wire name', () => {
    const model = MODELS.iam
    const role = model.shapes.Role!
    const broken: ServiceModel = {
      ...model,
      shapes: {
        ...model.shapes,
        Role: {
          ...role,
          members: { ...role.members, RoleName: { shape: 'roleNameType', locationName: 'roleName' } },
        },
      },
    }
    assert.ok(
      driftOf(broken, iamSdk as unknown as Sdk, 'GetRole').some((p) =>
        p.startsWith('output.Role.RoleName: {"xmlName":"roleName"'),
      ),
    )
  })
})
