import type { Operation } from '../../operation.js'
import { mfaDeviceExists } from '../errors-users.js'
import { toTagShapes } from '../mappers/tags.js'
import { newSeed, otpauthUri, qrCodePng } from '../mfa-codes.js'
import { mfaArn } from '../mfa-target.js'
import { orConflict } from '../store-conflict.js'
import { readTags, requestTagContext, requireDistinctKeys } from '../tag-rules.js'

const pathOf = (input: Record<string, unknown>) => (typeof input.Path === 'string' ? input.Path : '/')

/** IAM CreateVirtualMFADevice: a new unassigned device; its seed and QR code are returned once. */
export const createVirtualMfaDevice: Operation = {
  async authorize(ctx, input) {
    const account = ctx.caller!.principal.account
    return [
      {
        action: 'iam:CreateVirtualMFADevice',
        resource: mfaArn(account, pathOf(input), String(input.VirtualMFADeviceName)),
        context: requestTagContext(readTags(input.Tags)),
      },
    ]
  },
  async run(ctx, input) {
    const account = ctx.caller!.principal.account
    const name = String(input.VirtualMFADeviceName)
    const tags = readTags(input.Tags)
    requireDistinctKeys(tags)
    const seed = newSeed(ctx.random)
    const device = await orConflict(
      ctx.store.mfaDevices.insert({
        serialNumber: mfaArn(account, pathOf(input), name),
        accountId: account,
        name,
        path: pathOf(input),
        seed,
        tags,
        createdAt: ctx.now,
      }),
      mfaDeviceExists,
    )
    return {
      VirtualMFADevice: {
        SerialNumber: device.serialNumber,
        Base32StringSeed: Buffer.from(seed, 'ascii'),
        QRCodePNG: await qrCodePng(otpauthUri(seed, name, account)),
        ...(tags.length > 0 ? { Tags: toTagShapes(tags) } : {}),
      },
    }
  },
}
