import * as Core from "@tixi/core"
import { Result } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import type { z } from "zod"
import { distributorCustomers } from "../grading/fixtures.ts"
import { everySectionOrganisation } from "../organisation/organisation-fixtures.ts"
import { surveyDefinition, surveyResponse } from "../quality/survey-fixture.ts"
import { nonsense } from "../support/zod-arbitrary.ts"

/** Inputs per parser: arbitrary values, structurally valid nonsense, and valid seeds with one leaf spoilt. */
const runsPerParser = 150

/** Values that break parsers which trust their input: wrong types, impossible numbers, hostile text. */
const hostileLeaf = fc.oneof(
  fc.constantFrom(
    null,
    undefined,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    -1,
    0.5,
    9e15,
    1e308,
    "",
    "\u0000",
    "\u202Eevil",
    "\uD800",
    "9999-12-31",
    "0000-01-01",
    "__proto__",
    [],
    {},
  ),
  fc.string({ maxLength: 8 }),
  fc.integer(),
)

/** Every path to a leaf (a primitive, an empty array or object) of a JSON-like value. */
function leafPaths(
  value: unknown,
  path: ReadonlyArray<string | number> = [],
): Array<ReadonlyArray<string | number>> {
  if (Array.isArray(value) && value.length > 0)
    return value.flatMap((item, index) => leafPaths(item, [...path, index]))
  if (typeof value === "object" && value !== null && Object.keys(value).length > 0)
    return Object.entries(value).flatMap(([key, item]) => leafPaths(item, [...path, key]))
  return [path]
}

/** A copy of `value` with the leaf at `path` replaced (or, for the empty path, the whole value). */
function replaced(value: unknown, path: ReadonlyArray<string | number>, leaf: unknown): unknown {
  if (path.length === 0) return leaf
  const [head, ...rest] = path
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >
  copy[head!] = replaced(copy[head!], rest, leaf)
  return copy
}

/** A valid value with one leaf spoilt (or removed): structurally valid nonsense close to real input. */
const spoilt = (seed: unknown) => {
  const paths = leafPaths(seed)
  return fc
    .tuple(fc.constantFrom(...paths), fc.oneof(hostileLeaf, fc.constant(Symbol.for("removed"))))
    .map(([path, leaf]) => {
      if (leaf !== Symbol.for("removed")) return replaced(seed, path, leaf)
      const copy = replaced(seed, path, undefined)
      return JSON.parse(JSON.stringify(copy))
    })
}

/** The arbitrary input of a parser: anything, nonsense of its schema, or a spoilt seed. */
const inputs = (options: { readonly schema?: z.ZodType; readonly seed?: unknown }) =>
  fc.oneof(
    fc.anything(),
    ...(options.schema === undefined ? [] : [nonsense(options.schema)]),
    ...(options.seed === undefined ? [] : [spoilt(options.seed), spoilt(options.seed)]),
  )

/** The parser answered with a Result whose failure is a ValidationError naming its problems. */
function expectTypedAnswer(answer: unknown): void {
  expect(Result.isResult(answer)).toBe(true)
  const result = answer as Result.Result<unknown, unknown>
  if (Result.isFailure(result)) {
    const failure = result.failure as Core.ValidationError
    expect(failure._tag).toBe("ValidationError")
    expect(failure.issues.length).toBeGreaterThan(0)
    expect(typeof failure.message).toBe("string")
  }
}

/** Every form @tixi/core exports, found by walking its namespaces so a new form is fuzzed too. */
const forms: ReadonlyArray<readonly [string, Core.AnyForm]> = Object.entries(Core).flatMap(
  ([namespace, module]) =>
    typeof module === "object" && module !== null && /^[A-Z]/.test(namespace)
      ? Object.entries(module)
          .filter(
            ([, value]) =>
              typeof value === "object" && value !== null && "fields" in value && "parse" in value,
          )
          .map(([name, form]) => [`${namespace}.${name}`, form as Core.AnyForm] as const)
      : [],
)

const policies: ReadonlyArray<readonly [string, (input: unknown) => unknown, unknown]> = [
  ["parseAuthorityPolicy", Core.parseAuthorityPolicy, Core.defaultAuthorityPolicy],
  ["Accounts.parseAccountsPolicy", Core.Accounts.parseAccountsPolicy, Core.Accounts.defaultAccountsPolicy],
  ["Approval.parseApprovalPolicy", Core.Approval.parseApprovalPolicy, Core.Approval.defaultApprovalPolicy],
  [
    "CallCenter.parseCallCentrePolicy",
    Core.CallCenter.parseCallCentrePolicy,
    Core.CallCenter.defaultCallCentrePolicy,
  ],
  [
    "CallCenter.parseInboundCallPolicy",
    Core.CallCenter.parseInboundCallPolicy,
    Core.CallCenter.defaultInboundCallPolicy,
  ],
  [
    "CallCenter.parseQualityMonitoringPolicy",
    Core.CallCenter.parseQualityMonitoringPolicy,
    Core.CallCenter.defaultQualityMonitoringPolicy,
  ],
  [
    "CallCenter.parseOutboundCallPolicy",
    Core.CallCenter.parseOutboundCallPolicy,
    Core.CallCenter.defaultOutboundCallPolicy,
  ],
  [
    "Complaints.parseComplaintPolicy",
    Core.Complaints.parseComplaintPolicy,
    Core.Complaints.defaultComplaintPolicy,
  ],
  [
    "Complaints.parseComplaintAnalysisPolicy",
    Core.Complaints.parseComplaintAnalysisPolicy,
    Core.Complaints.defaultComplaintAnalysisPolicy,
  ],
  ["Credit.parseCreditPolicy", Core.Credit.parseCreditPolicy, Core.Credit.defaultCreditPolicy],
  ["Grading.parseGradingPolicy", Core.Grading.parseGradingPolicy, Core.Grading.defaultGradingPolicy],
  [
    "Organisation.parseAppraisalPolicy",
    Core.Organisation.parseAppraisalPolicy,
    Core.Organisation.defaultAppraisalPolicy,
  ],
  [
    "Organisation.parseTrainingPolicy",
    Core.Organisation.parseTrainingPolicy,
    Core.Organisation.defaultTrainingPolicy,
  ],
  ["Quality.parseQualityPolicy", Core.Quality.parseQualityPolicy, Core.Quality.defaultQualityPolicy],
  [
    "Organisation.parseOrganisationPolicy",
    Core.Organisation.parseOrganisationPolicy,
    everySectionOrganisation,
  ],
]

const otherParsers: ReadonlyArray<
  readonly [string, (input: unknown) => unknown, { readonly schema?: z.ZodType; readonly seed?: unknown }]
> = [
  [
    "CallCenter.parseCallRecords",
    Core.CallCenter.parseCallRecords,
    { schema: Core.CallCenter.callRecordSchema },
  ],
  [
    "Credit.parseOrderCheckInput",
    (input) => Core.Credit.parseOrderCheckInput(input, "CNY"),
    { schema: Core.Credit.orderCheckInputSchema },
  ],
  [
    "Grading.parseCustomerFacts",
    (input) => Core.Grading.parseCustomerFacts(input, "CNY"),
    { seed: distributorCustomers },
  ],
  [
    "Grading.parseGradingPeriod",
    Core.Grading.parseGradingPeriod,
    { seed: { from: "2026-01-01", to: "2026-03-31" } },
  ],
  ["Quality.parseSurveyDefinition", Core.Quality.parseSurveyDefinition, { seed: surveyDefinition }],
  [
    "Quality.parseSurveyResponse",
    (input) => Core.Quality.parseSurveyResponse(surveyDefinition, input),
    { seed: surveyResponse(1, 1_767_574_800_000) },
  ],
  [
    "Organisation.placeOnQuadrant",
    (input) => Core.Organisation.placeOnQuadrant(input as ReadonlyArray<Core.Organisation.AppraisedPerson>),
    { seed: [{ personId: "officer-wu", ability: 70, performance: 80 }] },
  ],
  [
    "Organisation.inductionPlan",
    (input) =>
      Core.Organisation.inductionPlan(
        input as Core.Organisation.InductionInput,
        Core.chinaMainlandCalendar(),
      ),
    {
      seed: { planNumber: "IND-1", newStaff: ["new-chen"], startOn: "2026-03-02", trainer: "supervisor-sun" },
    },
  ],
  ["parseCalendarDefinition", Core.parseCalendarDefinition, { schema: Core.calendarDaySchema }],
]

describe("every public form, policy parser and input parser of @tixi/core", () => {
  it("finds the forms it fuzzes", () => {
    expect(forms.length).toBeGreaterThan(50)
  })

  for (const [name, form] of forms) {
    it(`${name}: arbitrary input and structurally valid nonsense give a value or a ValidationError`, () => {
      fc.assert(
        fc.property(inputs({ schema: form.schema }), (input) => {
          const answer = form.parse(input)
          expectTypedAnswer(answer)
          // What a form accepts survives storage as JSON and is accepted again.
          if (Result.isSuccess(answer))
            expect(Result.isSuccess(form.parse(JSON.parse(JSON.stringify(answer.success))))).toBe(true)
        }),
        { numRuns: runsPerParser },
      )
    })
  }

  for (const [name, parse, defaults] of policies) {
    it(`${name}: the default policy with one leaf spoilt, and anything else, gives a policy or a ValidationError`, () => {
      expectTypedAnswer(parse(defaults))
      expect(Result.isSuccess(parse(defaults) as Result.Result<unknown, unknown>)).toBe(true)
      fc.assert(
        fc.property(inputs({ seed: defaults }), (input) => expectTypedAnswer(parse(input))),
        { numRuns: runsPerParser },
      )
    })
  }

  for (const [name, parse, sources] of otherParsers) {
    it(`${name}: arbitrary input and structurally valid nonsense give a value or a ValidationError`, () => {
      fc.assert(
        fc.property(inputs(sources), (input) => expectTypedAnswer(parse(input))),
        { numRuns: runsPerParser },
      )
    })
  }
})
