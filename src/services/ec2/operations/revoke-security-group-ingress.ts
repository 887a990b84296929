import type { Operation } from '../../operation.js'
import { revokeRules } from '../security-group-changes.js'

/** EC2 RevokeSecurityGroupIngress: removes inbound rules by id or by permission. */
export const revokeSecurityGroupIngress: Operation = revokeRules('ec2:RevokeSecurityGroupIngress', false)
