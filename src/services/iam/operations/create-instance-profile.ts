import { ID_PREFIX, newUniqueId } from '../../../kernel/ids.js'
import { StoreConflict } from '../../../store/index.js'
import type { Operation } from '../../operation.js'
import { instanceProfileExists } from '../errors-roles.js'
import { shownInstanceProfile } from '../instance-profile-access.js'
import { instanceProfileArn } from '../mappers/instance-profile.js'
import { callerAccount } from '../role-access.js'
import { checkRequestTags, inputTags, requestTagContext } from '../tag-edits.js'

/** IAM CreateInstanceProfile: an empty instance profile (AIPA… id), optionally tagged. */
export const createInstanceProfile: Operation = {
  async authorize(ctx, input) {
    const resource = instanceProfileArn(
      callerAccount(ctx),
      String(input.Path ?? '/'),
      String(input.InstanceProfileName),
    )
    return [{ action: 'iam:CreateInstanceProfile', resource, context: requestTagContext(inputTags(input)) }]
  },
  async run(ctx, input) {
    const account = callerAccount(ctx)
    const name = String(input.InstanceProfileName)
    const tags = inputTags(input)
    checkRequestTags(tags)
    if ((await ctx.store.instanceProfiles.getByName(account, name)) !== undefined)
      throw instanceProfileExists(name)
    try {
      const profile = await ctx.store.instanceProfiles.insert({
        id: newUniqueId(ID_PREFIX.instanceProfile, ctx.random),
        accountId: account,
        name,
        path: String(input.Path ?? '/'),
        roleIds: [],
        tags,
        createdAt: ctx.now,
      })
      return { InstanceProfile: await shownInstanceProfile(ctx, profile, true) }
    } catch (error) {
      if (error instanceof StoreConflict) throw instanceProfileExists(name)
      throw error
    }
  },
}
