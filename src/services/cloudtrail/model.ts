import { MODELS, type ServiceModel } from '../../models/index.js'

/**
 * The CloudTrail model without the 1–50 range on MaxResults.
 * AWS: CloudTrail checks MaxResults itself and answers InvalidMaxResultsException, not a ValidationException.
 */
export const CLOUDTRAIL_MODEL: ServiceModel = withoutRange(MODELS.cloudtrail, 'MaxResults')

function withoutRange(model: ServiceModel, shapeName: string): ServiceModel {
  const { min: _min, max: _max, ...shape } = model.shapes[shapeName]!
  return Object.assign({}, model, { shapes: Object.assign({}, model.shapes, { [shapeName]: shape }) })
}
