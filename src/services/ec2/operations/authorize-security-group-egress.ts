import type { Operation } from '../../operation.js'
import { authorizeRules } from '../security-group-changes.js'

/** EC2 AuthorizeSecurityGroupEgress: outbound rules; InvalidPermission.Duplicate for one the group has. */
export const authorizeSecurityGroupEgress: Operation = authorizeRules(
  'ec2:AuthorizeSecurityGroupEgress',
  true,
)
