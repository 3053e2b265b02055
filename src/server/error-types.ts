/**
 * The upstream error types the handlers pass on to the browser: imin's,
 * OpenActive's Open Booking API's, and the handlers' own. Any other reaches
 * the browser as `HttpError`.
 */
const ERROR_TYPES: ReadonlySet<string> = new Set([
  // imin
  'UnavailableOpportunityError',
  // OpenActive Open Booking API
  'CancellationNotPermittedError', 'GoneError', 'IncompleteAttendeeDetailsError', 'IncompleteBrokerDetailsError',
  'IncompleteCustomerDetailsError', 'IncompleteIntakeFormError', 'IncompleteOrderItemError', 'IncompletePaymentDetailsError',
  'InternalApplicationError', 'InvalidAPITokenError', 'InvalidAuthorizationDetailsError', 'InvalidIntakeFormError',
  'InvalidPaymentDetailsError', 'MethodNotAllowedError', 'NoAPITokenError', 'NotFoundError',
  'OpportunityCapacityIsReservedByLeaseError', 'OpportunityHasInsufficientCapacityError', 'OpportunityIsFullError',
  'OpportunityIsInConflictError', 'OpportunityOfferPairNotBookableError', 'OrderAlreadyExistsError',
  'OrderCreationFailedError', 'TemporarilyUnableToCreateOrderError', 'TemporarilyUnableToProduceOrderQuoteError',
  'TooManyRequestsError', 'UnableToProcessOrderItemError', 'UnacceptableOfferError', 'UnauthenticatedError',
  'UnknownOfferError', 'UnknownOpportunityDetailsError', 'UnknownOrIncorrectEndpointError',
  // ./server
  'BadGatewayError', 'ForbiddenError', 'GatewayTimeoutError', 'HttpError', 'InternalServerError', 'InvalidRequestError',
  'PayloadTooLargeError', 'ServerError', 'ServerMisconfiguredError', 'UnauthorizedError', 'UnsupportedMediaTypeError',
])

export const isKnownErrorType = (type: string) => ERROR_TYPES.has(type)
