import type { LoginProfileRecord } from '../../../store/index.js'

/** A login profile → the IAM `LoginProfile` shape (never the hash). */
export function toLoginProfileShape(profile: LoginProfileRecord, userName: string): Record<string, unknown> {
  return {
    UserName: userName,
    CreateDate: profile.createdAt,
    PasswordResetRequired: profile.passwordResetRequired,
  }
}
