import { Result } from "effect"
import { z } from "zod"
import { fromZodIssues, ValidationError, type ValidationIssue } from "../../errors/validation-error.ts"
import { isKnownCurrency } from "../../money/currency.ts"
import { parseAuthorityPolicy } from "../../roles/authority.ts"
import { managementLadder, Role, rankOf } from "../../roles/role.ts"
import { Channel } from "../labels/channel.ts"
import { ContentCategory } from "../labels/content-category.ts"
import { PauseReason } from "../labels/pause-reason.ts"
import { RejectionReason } from "../labels/rejection-reason.ts"
import { Urgency } from "../labels/urgency.ts"
import { type ComplaintPolicy, defaultComplaintPolicy } from "./complaint-policy.ts"

const workingMinutes = z.number().int("must be whole working minutes").min(0).max(1_000_000)
const positiveWorkingMinutes = workingMinutes.min(1, "must be at least one working minute")
const ladderRole = Role.schema.refine((role) => rankOf(role) >= 0, "must be a post on the management ladder")
const distinct = <T>(values: ReadonlyArray<T>) => new Set(values).size === values.length

const slaSchema = z.strictObject({
  firstResponseWorkingMinutes: positiveWorkingMinutes,
  resolutionWorkingMinutes: positiveWorkingMinutes,
  warningAtPercent: z.number().int().min(1).max(99),
  escalation: z
    .array(z.strictObject({ role: ladderRole, afterDueWorkingMinutes: workingMinutes }))
    .min(1, "needs at least one rung")
    .max(managementLadder.length - 1),
})

const policySchema = z.strictObject({
  version: z.string().trim().min(1).max(100),
  currency: z.string().refine(isKnownCurrency, "unknown currency"),
  acceptance: z.strictObject({
    complaintWindowDays: z.number().int().min(1).max(36_500).nullable(),
    rejectionReasons: z.array(RejectionReason.schema).min(1).refine(distinct, "each reason at most once"),
    minimumRoleToReject: ladderRole,
  }),
  categories: z.array(ContentCategory.schema).min(1).refine(distinct, "each category at most once"),
  channels: z.array(Channel.schema).min(1).refine(distinct, "each channel at most once"),
  sla: z.strictObject({ critical: slaSchema, urgent: slaSchema, normal: slaSchema }),
  promise: z.strictObject({ minimumRoleBeyondTarget: ladderRole }),
  authority: z.unknown(),
  approval: z.strictObject({
    financeCountersignFromMinor: z.number().int().min(0).refine(Number.isSafeInteger).nullable(),
    chain: z.enum(["lowest", "ladder"]),
    stepMode: z.enum(["any", "all"]),
  }),
  pause: z.strictObject({
    reasons: z.array(PauseReason.schema).refine(distinct, "each reason at most once"),
    maximumWorkingMinutes: positiveWorkingMinutes,
  }),
  tracking: z.strictObject({ reminderEveryWorkingMinutes: positiveWorkingMinutes.nullable() }),
  followUp: z.strictObject({
    required: z.boolean(),
    dueAfterWorkingMinutes: positiveWorkingMinutes,
    dissatisfiedAtOrBelow: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  }),
  reopen: z.strictObject({ windowDays: z.number().int().min(0).max(3650), minimumRole: ladderRole }),
  litigation: z.strictObject({ minimumRole: ladderRole }),
  closure: z.strictObject({ minimumRole: ladderRole }),
})

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

/**
 * The input laid over the defaults: objects merge key by key, anything else replaces. The
 * authority policy replaces as a whole, so a company can leave a post without authority.
 */
function overlay(defaults: unknown, input: unknown, path = ""): unknown {
  if (path === "authority" || !isPlainObject(defaults) || !isPlainObject(input))
    return input === undefined ? defaults : input
  const merged: Record<string, unknown> = { ...defaults }
  for (const [key, value] of Object.entries(input))
    merged[key] = overlay(defaults[key], value, path ? `${path}.${key}` : key)
  return merged
}

/** The rules across fields: ladders that climb, service levels in order of urgency. */
function crossFieldIssues(policy: ComplaintPolicy): Array<ValidationIssue> {
  const issues: Array<ValidationIssue> = []
  const rule = (path: ReadonlyArray<string | number>, message: string) =>
    issues.push({ path: [...path], message, code: "rule" })
  for (const urgency of Urgency.values) {
    const target = policy.sla[urgency]
    if (target.firstResponseWorkingMinutes > target.resolutionWorkingMinutes)
      rule(["sla", urgency, "firstResponseWorkingMinutes"], "must not be longer than the resolution time")
    target.escalation.forEach((rung, index) => {
      const previous = target.escalation[index - 1]
      if (rung.role === "officer")
        rule(["sla", urgency, "escalation", index, "role"], "escalation goes above the officer")
      if (previous !== undefined && rankOf(rung.role) <= rankOf(previous.role))
        rule(["sla", urgency, "escalation", index, "role"], "each rung must be higher than the one below")
      if (previous !== undefined && rung.afterDueWorkingMinutes < previous.afterDueWorkingMinutes)
        rule(
          ["sla", urgency, "escalation", index, "afterDueWorkingMinutes"],
          "must not come before the rung below",
        )
    })
  }
  const order = Urgency.values
  for (let index = 1; index < order.length; index++) {
    const more = policy.sla[order[index - 1]!]
    const less = policy.sla[order[index]!]
    if (more.resolutionWorkingMinutes > less.resolutionWorkingMinutes)
      rule(
        ["sla", order[index - 1]!, "resolutionWorkingMinutes"],
        `must not be longer than for ${order[index]}`,
      )
    if (more.firstResponseWorkingMinutes > less.firstResponseWorkingMinutes)
      rule(
        ["sla", order[index - 1]!, "firstResponseWorkingMinutes"],
        `must not be longer than for ${order[index]}`,
      )
  }
  if (policy.authority.currency !== policy.currency)
    rule(["authority", "currency"], `must be the policy's currency ${policy.currency}`)
  if (policy.authority.limits["complaint.remedy"] === undefined)
    rule(["authority", "limits", "complaint.remedy"], "the limits for complaint remedies are missing")
  return issues
}

/**
 * Validates a complaints policy. Sections and keys left out take the defaults of
 * `defaultComplaintPolicy` (objects merge key by key; lists and the authority policy replace), so a company writes only
 * what it changes: `parseComplaintPolicy({ version: "acme-3", sla: { normal: { resolutionWorkingMinutes: 2400 } } })`.
 */
export function parseComplaintPolicy(input: unknown): Result.Result<ComplaintPolicy, ValidationError> {
  if (!isPlainObject(input))
    return Result.fail(
      new ValidationError({
        subject: "policy.complaints",
        issues: [{ path: [], message: "must be an object", code: "invalid_type" }],
      }),
    )
  const merged = overlay(defaultComplaintPolicy, input)
  const parsed = policySchema.safeParse(merged)
  if (!parsed.success) return Result.fail(fromZodIssues("policy.complaints", parsed.error.issues))
  const authority = parseAuthorityPolicy(parsed.data.authority)
  if (Result.isFailure(authority)) {
    return Result.fail(
      new ValidationError({
        subject: "policy.complaints",
        issues: authority.failure.issues.map((issue) => ({ ...issue, path: ["authority", ...issue.path] })),
      }),
    )
  }
  const policy: ComplaintPolicy = { ...parsed.data, authority: authority.success }
  const issues = crossFieldIssues(policy)
  if (issues.length > 0) return Result.fail(new ValidationError({ subject: "policy.complaints", issues }))
  return Result.succeed(policy)
}
