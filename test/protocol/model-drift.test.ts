import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import * as iamSdk from '@aws-sdk/client-iam'
import * as stsSdk from '@aws-sdk/client-sts'
import { NormalizedSchema } from '@smithy/core/schema'
import { MODELS, resolveShape, type ServiceModel, type Shape, type ShapeRef } from '../../src/models/index.js'

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
  if (seen.has(ref.shape)) return
  const inner = new Set(seen).add(ref.shape)
  if (shape.type === 'structure' && sdk.isStructSchema()) {
    const sdkMembers = new Map<string, NormalizedSchema>(sdk.structIterator())
    for (const [name, memberRef] of Object.entries(shape.members ?? {})) {
      const sdkMember = sdkMembers.get(name)
      if (!sdkMember) {
        problems.push(`${path}.${name}: missing in the SDK`)
        continue
      }
      const target = resolveShape(model, memberRef)
      const traits = sdkMember.getMergedTraits()
      const ours = memberRef.locationName ?? target.locationName
      if (ours !== traits.xmlName)
        problems.push(`${path}.${name}: wire name ${ours} here, ${traits.xmlName} in the SDK`)
      if (Boolean(memberRef.flattened || target.flattened) !== Boolean(traits.xmlFlattened)) {
        problems.push(`${path}.${name}: flattened differs`)
      }
      compare(model, memberRef, sdkMember, `${path}.${name}`, inner, problems)
    }
  } else if (shape.type === 'list' && sdk.isListSchema()) {
    const sdkMember = sdk.getValueSchema()
    const ours = shape.member!.locationName
    const theirs = sdkMember.getMergedTraits().xmlName
    if (ours !== theirs) problems.push(`${path}[]: member name ${ours} here, ${theirs} in the SDK`)
    compare(model, shape.member!, sdkMember, `${path}[]`, inner, problems)
  } else if (shape.type === 'map' && sdk.isMapSchema()) {
    compare(model, shape.value!, sdk.getValueSchema(), `${path}{}`, inner, problems)
  }
}

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
    const expected = [shape.error?.code ?? error.shape, shape.error?.httpStatusCode ?? 400]
    const actual = sdkError[3].awsQueryError as [string, number] | undefined
    if (actual && (actual[0] !== expected[0] || actual[1] !== expected[1])) {
      problems.push(`error ${error.shape}: ${expected.join(' ')} here, ${actual.join(' ')} in the SDK`)
    }
  }
  return problems
}

const CHECKED: readonly { readonly name: 'sts' | 'iam'; readonly sdk: Sdk }[] = [
  { name: 'sts', sdk: stsSdk as unknown as Sdk },
  { name: 'iam', sdk: iamSdk as unknown as Sdk },
]

for (const { name, sdk } of CHECKED) {
  describe(`model drift: ${name} against @aws-sdk/client-${name}`, () => {
    for (const operationName of Object.keys(MODELS[name].operations)) {
      it(operationName, () => assert.deepEqual(driftOf(MODELS[name], sdk, operationName), []))
    }
  })
}

describe('model drift: the comparison itself', () => {
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
      driftOf(broken, iamSdk as unknown as Sdk, 'GetRole').some((p) => p.includes('RoleName: wire name')),
    )
  })
})
