import type { Tag } from '../../../store/index.js'

/** Store tags → the IAM `Tag` list shape. */
export const toTagShapes = (tags: readonly Tag[]) => tags.map((tag) => ({ Key: tag.key, Value: tag.value }))
