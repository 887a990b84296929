import type { Operation } from '../../operation.js'
import { revokeRules } from '../security-group-changes.js'

/** EC2 RevokeSecurityGroupEgress: removes outbound rules by id or by permission. */
export const revokeSecurityGroupEgress: Operation = revokeRules('ec2:RevokeSecurityGroupEgress', true)
