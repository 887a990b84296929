import { AwsError } from '../../kernel/aws-error.js'

/** CloudTrail's error for a lookup attribute it cannot use (more than one, an unknown key, a bad value). */
export const invalidLookupAttributes = (message: string): AwsError =>
  new AwsError('InvalidLookupAttributesException', 400, message)

/** CloudTrail's error for a StartTime after the EndTime. */
export const invalidTimeRange = (): AwsError =>
  new AwsError('InvalidTimeRangeException', 400, 'Start time must be before end time.')

/** CloudTrail's error for a MaxResults outside 1–50. */
export const invalidMaxResults = (value: number): AwsError =>
  new AwsError(
    'InvalidMaxResultsException',
    400,
    `Value ${value} for MaxResults is invalid. It must be between 1 and 50.`,
  )

/** CloudTrail's error for a NextToken it did not issue, or issued for other parameters. */
export const invalidNextToken = (): AwsError =>
  new AwsError(
    'InvalidNextTokenException',
    400,
    'Invalid NextToken. The token is invalid or was issued for different request parameters.',
  )
