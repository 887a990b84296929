import type { Operation } from '../../../operation.js'
import { elbAuthorization } from '../../authz.js'
import { tagShapes } from '../../tags.js'
import { loadClassic } from '../loader.js'

/** ELB DescribeTags: the tags of each classic load balancer asked for. */
export const describeTags: Operation = {
  readOnly: true,
  async authorize() {
    return [elbAuthorization('DescribeTags', '*')]
  },
  async run(ctx, input) {
    const names = Array.isArray(input.LoadBalancerNames) ? input.LoadBalancerNames.map(String) : []
    const descriptions = []
    for (const name of names) {
      const lb = await loadClassic(ctx, name)
      descriptions.push({ LoadBalancerName: lb.attributes.name, Tags: tagShapes(lb.tags) })
    }
    return { TagDescriptions: descriptions }
  },
}
