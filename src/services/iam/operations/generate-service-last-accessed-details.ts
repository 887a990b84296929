import { getCatalog } from '../../../catalog/index.js'
import type { Operation } from '../../operation.js'
import { allowedServices } from '../last-accessed/allowed-services.js'
import { type Granularity, newJobId, reportedServices, saveJob } from '../last-accessed/report-job.js'
import { loadReportTarget } from '../last-accessed/report-target.js'
import { serviceActivity } from '../last-accessed/service-activity.js'
import { onPolicy, policyTarget } from '../policy-target.js'

const POLICY_ARN = /^arn:aws:iam::(\d{12}|aws):policy\//

/**
 * IAM GenerateServiceLastAccessedDetails: reports, for every service the permissions policies of a user, group, role
 * or managed policy allow, the last attempt the audit trail shows. Lanyard finishes the job before answering.
 */
export const generateServiceLastAccessedDetails: Operation = {
  readOnly: true,
  async authorize(ctx, input) {
    const arn = String(input.Arn)
    if (POLICY_ARN.test(arn))
      return [onPolicy(ctx, 'GenerateServiceLastAccessedDetails', await policyTarget(ctx, input, 'Arn'))]
    return [{ action: 'iam:GenerateServiceLastAccessedDetails', resource: arn }]
  },
  async run(ctx, input) {
    const account = ctx.caller!.principal.account
    const granularity = (input.Granularity ?? 'SERVICE_LEVEL') as Granularity
    const target = await loadReportTarget(ctx.store, account, String(input.Arn))
    const catalog = getCatalog()
    const allowed = allowedServices(target.documents, catalog)
    const activity = await serviceActivity(ctx.store, account, target.actors, ctx.now)
    const jobId = newJobId(ctx.random)
    await saveJob(ctx.store, account, {
      jobId,
      arn: target.arn,
      granularity,
      createdAt: ctx.now,
      completedAt: ctx.clock.now(),
      services: reportedServices(allowed, activity, granularity, catalog),
    })
    return { JobId: jobId }
  },
}
