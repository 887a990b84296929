import type { Operation } from '../../operation.js'
import { authorizeRules } from '../security-group-changes.js'

/** EC2 AuthorizeSecurityGroupIngress: inbound rules; InvalidPermission.Duplicate for one the group has. */
export const authorizeSecurityGroupIngress: Operation = authorizeRules(
  'ec2:AuthorizeSecurityGroupIngress',
  false,
)
