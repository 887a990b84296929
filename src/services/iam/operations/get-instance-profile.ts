import type { Operation } from '../../operation.js'
import {
  instanceProfileAuthorization,
  requireInstanceProfile,
  shownInstanceProfile,
} from '../instance-profile-access.js'

/** IAM GetInstanceProfile: the profile with its role and tags. */
export const getInstanceProfile: Operation = {
  readOnly: true,
  async authorize(ctx, input) {
    return [await instanceProfileAuthorization(ctx, 'iam:GetInstanceProfile', input.InstanceProfileName)]
  },
  async run(ctx, input) {
    const profile = await requireInstanceProfile(ctx, input.InstanceProfileName)
    return { InstanceProfile: await shownInstanceProfile(ctx, profile, true) }
  },
}
