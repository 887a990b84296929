import type { Operation } from '../../operation.js'
import { instanceProfileAuthorization, requireInstanceProfile } from '../instance-profile-access.js'
import { toTagShapes } from '../mappers/tags.js'
import { pageOf, pageOutput, pageRequest } from '../pagination.js'

/** IAM ListInstanceProfileTags: the profile's tags, paginated. */
export const listInstanceProfileTags: Operation = {
  readOnly: true,
  async authorize(ctx, input) {
    return [await instanceProfileAuthorization(ctx, 'iam:ListInstanceProfileTags', input.InstanceProfileName)]
  },
  async run(ctx, input) {
    const profile = await requireInstanceProfile(ctx, input.InstanceProfileName)
    return pageOutput('Tags', pageOf(toTagShapes(profile.tags), pageRequest(input)), (tag) => tag)
  },
}
