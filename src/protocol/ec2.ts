import { locationNameOf, type QueryDialect } from './query.js'

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1)

/**
 * The `ec2` query dialect: the key is `queryName`, else the locationName capitalised, else the member
 * name; lists are always `Name.N` (the member's locationName is ignored) and empty lists never arrive.
 */
export const EC2_DIALECT: QueryDialect = {
  memberKey: (name, ref, shape) => {
    if (ref.queryName) return ref.queryName
    const location = locationNameOf(ref, shape)
    return location ? capitalize(location) : name
  },
  listPrefix: (prefix) => prefix,
  emptyValueIsEmptyList: false,
  // AWS: EC2 answers a value of the wrong type with InvalidParameterValue.
  malformedCode: 'InvalidParameterValue',
}
