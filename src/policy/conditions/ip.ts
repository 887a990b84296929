import { blockContains, type IpAddress, type IpBlock, parseIpAddress, parseIpBlock } from './ip-address.js'
import { type ConditionOperator, negate, operator } from './operator.js'

/** `IpAddress`: the request address lies in one of the policy's CIDR blocks; a non-IP request value gives false. */
export const IpAddressOperator: ConditionOperator = operator<IpAddress, IpBlock>({
  name: 'IpAddress',
  negated: false,
  variables: false,
  parseRequest: parseIpAddress,
  parsePolicy: (value) => parseIpBlock(value.text),
  test: (actual, policy) => blockContains(policy, actual),
})

/** The IP operators; `NotIpAddress` also gives false for a non-IP request value. */
export const IP: readonly ConditionOperator[] = [IpAddressOperator, negate(IpAddressOperator, 'NotIpAddress')]
