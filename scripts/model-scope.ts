/** Which botocore service and API version each Lanyard model comes from. */
export interface ServiceSource {
  /** Directory name under botocore/data. */
  readonly botocore: string
  /** API version directory. */
  readonly version: string
  /** Operations in scope, by model name. */
  readonly operations: readonly string[]
}

const IAM_OPERATIONS = [
  'CreateUser GetUser UpdateUser DeleteUser ListUsers TagUser UntagUser ListUserTags',
  'CreateGroup GetGroup UpdateGroup DeleteGroup ListGroups ListGroupsForUser AddUserToGroup RemoveUserFromGroup',
  'CreateAccessKey ListAccessKeys UpdateAccessKey DeleteAccessKey GetAccessKeyLastUsed',
  'CreateLoginProfile GetLoginProfile UpdateLoginProfile DeleteLoginProfile ChangePassword',
  'UpdateAccountPasswordPolicy GetAccountPasswordPolicy DeleteAccountPasswordPolicy',
  'CreateVirtualMFADevice EnableMFADevice DeactivateMFADevice DeleteVirtualMFADevice ListVirtualMFADevices',
  'ListMFADevices ResyncMFADevice TagMFADevice UntagMFADevice ListMFADeviceTags',
  'CreateRole GetRole ListRoles UpdateRole UpdateAssumeRolePolicy UpdateRoleDescription DeleteRole',
  'TagRole UntagRole ListRoleTags CreateServiceLinkedRole DeleteServiceLinkedRole GetServiceLinkedRoleDeletionStatus',
  'CreatePolicy GetPolicy ListPolicies DeletePolicy TagPolicy UntagPolicy ListPolicyTags',
  'CreatePolicyVersion GetPolicyVersion ListPolicyVersions DeletePolicyVersion SetDefaultPolicyVersion',
  'AttachRolePolicy DetachRolePolicy ListAttachedRolePolicies AttachUserPolicy DetachUserPolicy',
  'ListAttachedUserPolicies AttachGroupPolicy DetachGroupPolicy ListAttachedGroupPolicies ListEntitiesForPolicy',
  'PutRolePolicy GetRolePolicy DeleteRolePolicy ListRolePolicies PutUserPolicy GetUserPolicy DeleteUserPolicy',
  'ListUserPolicies PutGroupPolicy GetGroupPolicy DeleteGroupPolicy ListGroupPolicies',
  'PutRolePermissionsBoundary DeleteRolePermissionsBoundary PutUserPermissionsBoundary DeleteUserPermissionsBoundary',
  'CreateInstanceProfile GetInstanceProfile ListInstanceProfiles ListInstanceProfilesForRole DeleteInstanceProfile',
  'AddRoleToInstanceProfile RemoveRoleFromInstanceProfile TagInstanceProfile UntagInstanceProfile ListInstanceProfileTags',
  'CreateOpenIDConnectProvider GetOpenIDConnectProvider ListOpenIDConnectProviders DeleteOpenIDConnectProvider',
  'AddClientIDToOpenIDConnectProvider RemoveClientIDFromOpenIDConnectProvider UpdateOpenIDConnectProviderThumbprint',
  'TagOpenIDConnectProvider UntagOpenIDConnectProvider ListOpenIDConnectProviderTags',
  'SimulatePrincipalPolicy SimulateCustomPolicy GetContextKeysForPrincipalPolicy GetContextKeysForCustomPolicy',
  'GetAccountAuthorizationDetails GetAccountSummary CreateAccountAlias DeleteAccountAlias ListAccountAliases',
  'GenerateServiceLastAccessedDetails GetServiceLastAccessedDetails',
]

const EC2_OPERATIONS = [
  'DescribeRegions DescribeAvailabilityZones DescribeAccountAttributes',
  'CreateVpc DeleteVpc DescribeVpcs ModifyVpcAttribute DescribeVpcAttribute',
  'CreateSubnet DeleteSubnet DescribeSubnets ModifySubnetAttribute',
  'CreateInternetGateway AttachInternetGateway DetachInternetGateway DeleteInternetGateway DescribeInternetGateways',
  'CreateNatGateway DeleteNatGateway DescribeNatGateways',
  'AllocateAddress ReleaseAddress AssociateAddress DisassociateAddress DescribeAddresses',
  'CreateRouteTable DeleteRouteTable DescribeRouteTables CreateRoute DeleteRoute ReplaceRoute',
  'AssociateRouteTable DisassociateRouteTable',
  'CreateVpcEndpoint ModifyVpcEndpoint DeleteVpcEndpoints DescribeVpcEndpoints',
  'CreateVpcEndpointServiceConfiguration DescribeVpcEndpointServiceConfigurations',
  'ModifyVpcEndpointServicePermissions DeleteVpcEndpointServiceConfigurations',
  'CreateSecurityGroup DeleteSecurityGroup DescribeSecurityGroups DescribeSecurityGroupRules',
  'AuthorizeSecurityGroupIngress AuthorizeSecurityGroupEgress RevokeSecurityGroupIngress RevokeSecurityGroupEgress',
  'CreateKeyPair ImportKeyPair DeleteKeyPair DescribeKeyPairs DescribeImages',
  'RunInstances DescribeInstances StartInstances StopInstances RebootInstances TerminateInstances',
  'ModifyInstanceAttribute DescribeInstanceAttribute DescribeInstanceStatus',
  'DescribeInstanceTypes DescribeInstanceTypeOfferings DescribeNetworkInterfaces',
  'AssignPrivateIpAddresses UnassignPrivateIpAddresses',
  'CreateVolume AttachVolume DetachVolume ModifyVolume DeleteVolume DescribeVolumes DescribeVolumesModifications',
  'CreateSnapshot CreateSnapshots CopySnapshot DeleteSnapshot DescribeSnapshots',
  'CreateTags DeleteTags DescribeTags',
]

const S3_OPERATIONS = [
  'CreateBucket HeadBucket DeleteBucket ListBuckets GetBucketLocation GetBucketVersioning',
  'PutBucketTagging GetBucketTagging DeleteBucketTagging PutBucketPolicy GetBucketPolicy DeleteBucketPolicy',
  'PutPublicAccessBlock GetPublicAccessBlock DeletePublicAccessBlock',
  'PutBucketEncryption GetBucketEncryption DeleteBucketEncryption',
  'PutBucketLifecycleConfiguration GetBucketLifecycleConfiguration DeleteBucketLifecycle',
  'PutObject GetObject HeadObject DeleteObject DeleteObjects CopyObject ListObjects ListObjectsV2',
  'PutObjectTagging GetObjectTagging DeleteObjectTagging',
  'CreateMultipartUpload UploadPart CompleteMultipartUpload AbortMultipartUpload ListParts ListMultipartUploads',
]

const ELB_OPERATIONS = [
  'CreateLoadBalancer DeleteLoadBalancer DescribeLoadBalancers CreateLoadBalancerListeners',
  'DeleteLoadBalancerListeners ConfigureHealthCheck RegisterInstancesWithLoadBalancer',
  'DeregisterInstancesFromLoadBalancer DescribeInstanceHealth DescribeLoadBalancerAttributes',
  'ModifyLoadBalancerAttributes AddTags RemoveTags DescribeTags ApplySecurityGroupsToLoadBalancer',
  'AttachLoadBalancerToSubnets DetachLoadBalancerFromSubnets CreateLoadBalancerPolicy',
  'DescribeLoadBalancerPolicies SetLoadBalancerPoliciesOfListener DescribeAccountLimits',
]

const ELBV2_OPERATIONS = [
  'CreateLoadBalancer DeleteLoadBalancer DescribeLoadBalancers SetSecurityGroups SetSubnets',
  'DescribeLoadBalancerAttributes ModifyLoadBalancerAttributes',
  'CreateTargetGroup DeleteTargetGroup DescribeTargetGroups ModifyTargetGroup',
  'DescribeTargetGroupAttributes ModifyTargetGroupAttributes RegisterTargets DeregisterTargets DescribeTargetHealth',
  'CreateListener DeleteListener DescribeListeners ModifyListener',
  'CreateRule DeleteRule DescribeRules ModifyRule AddTags RemoveTags DescribeTags DescribeAccountLimits',
]

const ROUTE53_OPERATIONS = [
  'CreateHostedZone GetHostedZone DeleteHostedZone ListHostedZones ListHostedZonesByName ListHostedZonesByVPC',
  'UpdateHostedZoneComment AssociateVPCWithHostedZone DisassociateVPCFromHostedZone',
  'ChangeResourceRecordSets ListResourceRecordSets GetChange',
  'ChangeTagsForResource ListTagsForResource ListTagsForResources',
]

const SECRETSMANAGER_OPERATIONS = [
  'CreateSecret GetSecretValue DescribeSecret PutSecretValue UpdateSecret DeleteSecret RestoreSecret ListSecrets',
  'TagResource UntagResource PutResourcePolicy GetResourcePolicy DeleteResourcePolicy',
]

const STS_OPERATIONS = [
  'AssumeRole AssumeRoleWithWebIdentity AssumeRoleWithSAML GetSessionToken GetFederationToken',
  'GetCallerIdentity GetAccessKeyInfo DecodeAuthorizationMessage',
]

const words = (lines: readonly string[]): string[] => lines.flatMap((line) => line.split(' '))

/** Every Lanyard model file name (without `.json`) and where it comes from. */
export const MODEL_SOURCES: Readonly<Record<string, ServiceSource>> = {
  sts: { botocore: 'sts', version: '2011-06-15', operations: words(STS_OPERATIONS) },
  iam: { botocore: 'iam', version: '2010-05-08', operations: words(IAM_OPERATIONS) },
  ec2: { botocore: 'ec2', version: '2016-11-15', operations: words(EC2_OPERATIONS) },
  s3: { botocore: 's3', version: '2006-03-01', operations: words(S3_OPERATIONS) },
  elb: { botocore: 'elb', version: '2012-06-01', operations: words(ELB_OPERATIONS) },
  elbv2: { botocore: 'elbv2', version: '2015-12-01', operations: words(ELBV2_OPERATIONS) },
  route53: { botocore: 'route53', version: '2013-04-01', operations: words(ROUTE53_OPERATIONS) },
  secretsmanager: {
    botocore: 'secretsmanager',
    version: '2017-10-17',
    operations: words(SECRETSMANAGER_OPERATIONS),
  },
  cloudtrail: { botocore: 'cloudtrail', version: '2013-11-01', operations: ['LookupEvents'] },
  resourcegroupstaggingapi: {
    botocore: 'resourcegroupstaggingapi',
    version: '2017-01-26',
    operations: words(['GetResources GetTagKeys GetTagValues TagResources UntagResources']),
  },
}
