/**
 * HubSpot's error bodies (the `Error` schema of the v3 specs: status, message, correlationId,
 * category, optional errors/context/links) and its 429 bodies with `policyName`.
 * https://developers.hubspot.com/docs/api-reference/error-handling
 */

/** A reply the fake sends: status, JSON body and extra headers. */
export interface FakeReply {
  readonly status: number
  readonly body?: unknown
  readonly headers?: Readonly<Record<string, string>>
}

/** One problem with one property value, as HubSpot lists them in VALIDATION_ERROR messages. */
export interface PropertyProblem {
  readonly name: string
  readonly error:
    | "PROPERTY_DOESNT_EXIST"
    | "INVALID_OPTION"
    | "INVALID_INTEGER"
    | "INVALID_DATE"
    | "INVALID_BOOLEAN"
    | "READ_ONLY_VALUE"
    | "REQUIRED"
  readonly message: string
}

/** A HubSpot error body. */
export function errorBody(
  category: string,
  message: string,
  extra: {
    readonly errors?: ReadonlyArray<unknown>
    readonly context?: Record<string, ReadonlyArray<string>>
  } = {},
) {
  return {
    status: "error",
    message,
    correlationId: crypto.randomUUID(),
    category,
    ...(extra.errors ? { errors: extra.errors } : {}),
    ...(extra.context ? { context: extra.context } : {}),
  }
}

/** A reply with a HubSpot error body. */
export const errorReply = (
  status: number,
  category: string,
  message: string,
  extra?: Parameters<typeof errorBody>[2],
): FakeReply => ({ status, body: errorBody(category, message, extra) })

/** The 400 HubSpot returns when property values are invalid. */
export function validationReply(problems: ReadonlyArray<PropertyProblem>, portalId: number): FakeReply {
  const listed = problems.map((problem) => ({
    isValid: false,
    message: problem.message,
    error: problem.error,
    name: problem.name,
    localizedErrorMessage: problem.message,
    portalId,
  }))
  return errorReply(400, "VALIDATION_ERROR", `Property values were not valid: ${JSON.stringify(listed)}`, {
    errors: problems.map((problem) => ({
      message: problem.message,
      code: problem.error,
      context: { propertyName: [problem.name] },
    })),
  })
}

/** The messages of HubSpot's 429 bodies, by policy. */
const limitMessages = {
  TEN_SECONDLY_ROLLING: "You have reached your ten_secondly_rolling limit.",
  DAILY: "You have reached your daily limit.",
  SECONDLY: "You have reached your secondly limit.",
} as const

/** The 429 body: `{status, message, errorType: "RATE_LIMIT", correlationId, policyName, requestId}`. */
export function rateLimitBody(policyName: keyof typeof limitMessages) {
  return {
    status: "error",
    message: limitMessages[policyName],
    errorType: "RATE_LIMIT",
    correlationId: crypto.randomUUID(),
    policyName,
    requestId: crypto.randomUUID(),
  }
}

/** Batch errors (`StandardError`): one entry per failure, with the ids or trace ids it concerns. */
export function standardError(
  category: string,
  message: string,
  context: Record<string, ReadonlyArray<string>>,
) {
  return { status: "error", category, message, context, errors: [], links: {} }
}
