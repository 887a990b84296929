import type { UserRecord } from '../../../store/index.js'
import type { Operation } from '../../operation.js'
import { toVirtualMfaDeviceShape } from '../mappers/mfa-device.js'
import { pageOutput, pageRequest } from '../pagination.js'

const ASSIGNMENT = { Assigned: 'assigned', Unassigned: 'unassigned' } as const

/** IAM ListVirtualMFADevices: the account's virtual devices, by AssignmentStatus. */
export const listVirtualMfaDevices: Operation = {
  readOnly: true,
  async authorize() {
    return [{ action: 'iam:ListVirtualMFADevices', resource: '*' }]
  },
  async run(ctx, input) {
    const assignment = ASSIGNMENT[input.AssignmentStatus as keyof typeof ASSIGNMENT]
    const request = pageRequest(input)
    const page = await ctx.store.mfaDevices.list(
      ctx.caller!.principal.account,
      assignment === undefined ? request : Object.assign({}, request, { assignment }),
    )
    const users = new Map<string, UserRecord | undefined>()
    for (const device of page.items)
      if (device.userId !== undefined && !users.has(device.userId))
        users.set(device.userId, await ctx.store.users.get(device.userId))
    return pageOutput('VirtualMFADevices', page, (device) =>
      toVirtualMfaDeviceShape(device, device.userId === undefined ? undefined : users.get(device.userId)),
    )
  },
}
