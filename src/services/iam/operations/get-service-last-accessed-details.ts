import type { Operation } from '../../operation.js'
import { noSuchEntity } from '../errors.js'
import { loadJob, toServiceLastAccessed } from '../last-accessed/report-job.js'
import { pageOf, pageOutput, pageRequest } from '../pagination.js'

/** IAM GetServiceLastAccessedDetails: a finished report of GenerateServiceLastAccessedDetails, paginated. */
export const getServiceLastAccessedDetails: Operation = {
  readOnly: true,
  async authorize() {
    return [{ action: 'iam:GetServiceLastAccessedDetails', resource: '*' }]
  },
  async run(ctx, input) {
    const jobId = String(input.JobId)
    const job = await loadJob(ctx.store, ctx.caller!.principal.account, jobId)
    if (job === undefined) throw noSuchEntity(`The job with ID ${jobId} cannot be found.`)
    const page = pageOf(job.services, pageRequest(input))
    return {
      JobStatus: 'COMPLETED',
      JobType: job.granularity,
      JobCreationDate: job.createdAt,
      JobCompletionDate: job.completedAt,
      ...pageOutput('ServicesLastAccessed', page, toServiceLastAccessed),
    }
  },
}
