import { MODELS } from '../../models/index.js'
import type { ServiceDefinition } from '../operation.js'
import { retryingOperations } from '../retry-on-conflict.js'
import { priorRequestNotComplete } from './errors.js'
import { associateVpcWithHostedZone } from './operations/associate-vpc-with-hosted-zone.js'
import { changeResourceRecordSets } from './operations/change-resource-record-sets.js'
import { changeTagsForResource } from './operations/change-tags-for-resource.js'
import { createHostedZone } from './operations/create-hosted-zone.js'
import { deleteHostedZone } from './operations/delete-hosted-zone.js'
import { disassociateVpcFromHostedZone } from './operations/disassociate-vpc-from-hosted-zone.js'
import { getChange } from './operations/get-change.js'
import { getHostedZone } from './operations/get-hosted-zone.js'
import { listHostedZones } from './operations/list-hosted-zones.js'
import { listHostedZonesByName } from './operations/list-hosted-zones-by-name.js'
import { listHostedZonesByVpc } from './operations/list-hosted-zones-by-vpc.js'
import { listResourceRecordSets } from './operations/list-resource-record-sets.js'
import { listTagsForResource } from './operations/list-tags-for-resource.js'
import { listTagsForResources } from './operations/list-tags-for-resources.js'
import { updateHostedZoneComment } from './operations/update-hosted-zone-comment.js'

/** Route 53, 2013-04-01 (rest-xml, global): hosted zones, record sets, changes and tags. */
export const ROUTE53_SERVICE: ServiceDefinition = {
  signingName: 'route53',
  eventSource: 'route53.amazonaws.com',
  model: MODELS.route53,
  requestedRegion: 'us-east-1',
  operations: retryingOperations(
    {
      CreateHostedZone: createHostedZone,
      GetHostedZone: getHostedZone,
      DeleteHostedZone: deleteHostedZone,
      ListHostedZones: listHostedZones,
      ListHostedZonesByName: listHostedZonesByName,
      ListHostedZonesByVPC: listHostedZonesByVpc,
      UpdateHostedZoneComment: updateHostedZoneComment,
      AssociateVPCWithHostedZone: associateVpcWithHostedZone,
      DisassociateVPCFromHostedZone: disassociateVpcFromHostedZone,
      ChangeResourceRecordSets: changeResourceRecordSets,
      ListResourceRecordSets: listResourceRecordSets,
      GetChange: getChange,
      ChangeTagsForResource: changeTagsForResource,
      ListTagsForResource: listTagsForResource,
      ListTagsForResources: listTagsForResources,
    },
    priorRequestNotComplete,
  ),
}
