import type { Operation } from '../../operation.js'
import { instanceProfileAuthorization, requireInstanceProfile } from '../instance-profile-access.js'
import { inputTagKeys, removeTags } from '../tag-edits.js'

/** IAM UntagInstanceProfile: removes the named tag keys; missing keys are ignored. */
export const untagInstanceProfile: Operation = {
  async authorize(ctx, input) {
    const context = { 'aws:TagKeys': inputTagKeys(input) }
    return [
      await instanceProfileAuthorization(ctx, 'iam:UntagInstanceProfile', input.InstanceProfileName, context),
    ]
  },
  async run(ctx, input) {
    const profile = await requireInstanceProfile(ctx, input.InstanceProfileName)
    await ctx.store.instanceProfiles.setTags(profile.id, removeTags(profile.tags, inputTagKeys(input)))
    return {}
  },
}
