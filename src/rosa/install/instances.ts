import { DescribeImagesCommand, DescribeInstancesCommand, type Instance } from '@aws-sdk/client-ec2'
import { type InstallContext, ownedFilters } from './install-context.js'

/** The RHCOS image owner (Red Hat's AMI account). */
export const RHCOS_OWNER = '531415883065'

/** The cluster's instance called `name` that is not terminated, if any. */
export async function findInstance(ctx: InstallContext, name: string): Promise<Instance | undefined> {
  const found = await ctx.clients.ec2.send(
    new DescribeInstancesCommand({
      Filters: [
        ...ownedFilters(ctx, name),
        { Name: 'instance-state-name', Values: ['pending', 'running', 'stopping', 'stopped'] },
      ],
    }),
  )
  return found.Reservations?.flatMap((r) => r.Instances ?? [])[0]
}

/** The newest x86_64 RHCOS image of the region. */
export async function rhcosImage(ctx: InstallContext): Promise<string> {
  const images = await ctx.clients.ec2.send(
    new DescribeImagesCommand({
      Owners: [RHCOS_OWNER],
      Filters: [
        { Name: 'name', Values: ['rhcos-*'] },
        { Name: 'architecture', Values: ['x86_64'] },
      ],
    }),
  )
  const newest = (images.Images ?? []).sort((a, b) => (b.Name ?? '').localeCompare(a.Name ?? ''))[0]
  if (newest?.ImageId === undefined) throw new Error(`no RHCOS image in ${ctx.region}`)
  return newest.ImageId
}
