import type { Operation } from '../../operation.js'
import { instanceProfileAuthorization, requireInstanceProfile } from '../instance-profile-access.js'
import { inputTags, mergeTags, requestTagContext } from '../tag-edits.js'

/** IAM TagInstanceProfile: adds tags, replacing the value of keys already present. */
export const tagInstanceProfile: Operation = {
  async authorize(ctx, input) {
    const context = requestTagContext(inputTags(input))
    return [
      await instanceProfileAuthorization(ctx, 'iam:TagInstanceProfile', input.InstanceProfileName, context),
    ]
  },
  async run(ctx, input) {
    const profile = await requireInstanceProfile(ctx, input.InstanceProfileName)
    const tags = mergeTags(profile.tags, inputTags(input), 'TagsPerInstanceProfile')
    await ctx.store.instanceProfiles.setTags(profile.id, tags)
    return {}
  },
}
