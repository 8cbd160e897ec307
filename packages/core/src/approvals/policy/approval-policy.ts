import { Result } from "effect"
import { z } from "zod"
import { fromZodIssues, ValidationError, type ValidationIssue } from "../../errors/validation-error.ts"
import { type Label, labelSchema } from "../../labels/label.ts"
import { isKnownCurrency } from "../../money/currency.ts"
import { Post } from "../../organisation/post.ts"
import { type AuthorityPolicy, parseAuthorityPolicy, postLimitsOf } from "../../roles/authority.ts"
import { Role } from "../../roles/role.ts"
import { ChainDriver, ExpiryAction, StepMode } from "../labels/approval-labels.ts"
import { RequestType } from "../labels/request-type.ts"

/**
 * Who approves a step, as the flow chart names them: a post (optionally the one in the
 * requester's own department, e.g. 部门主管), a named person (the gift keeper), or the lowest
 * post whose authority covers the request's amount (`roles/authority.ts`), as complaint
 * remedies over the handler's authority go to whoever may grant them.
 */
export type ApproverRef =
  | { readonly role: Role; readonly scope?: "company" | "requesterDepartment" }
  | { readonly person: string }
  | { readonly post: string }
  | { readonly authorityFor: string }

/**
 * When a step applies. Amount conditions reuse the authority ladder: "beyond the manager's
 * authority" is how 004's hospitality flow sends a large meal on to the general manager. With a
 * `post` the condition reads that post's authority (its own row where the authority policy names
 * it, else its rank's): "beyond the credit supervisor's authority", not any supervisor's.
 */
export type StepCondition =
  | {
      readonly kind: "beyondAuthority"
      readonly decision: string
      readonly role: Role
      readonly post?: string | undefined
    }
  | {
      readonly kind: "withinAuthority"
      readonly decision: string
      readonly role: Role
      readonly post?: string | undefined
    }
  | { readonly kind: "amountAbove"; readonly minor: number }
  | { readonly kind: "amountAtMost"; readonly minor: number }
  | { readonly kind: "fieldEquals"; readonly field: string; readonly value: string | number | boolean }

/** A deadline on a step (tixi-driven chains) or on the whole chain, and what happens when it passes. */
export interface DeadlinePolicy {
  /** Elapsed hours from when the step (or chain) opened. */
  readonly hours: number
  readonly onExpiry: ExpiryAction
  /** Who takes over when the action is `escalate`. */
  readonly escalateTo?: ReadonlyArray<ApproverRef>
}

/** One step of a chain (审核 or 审批 box of a flow chart). */
export interface StepPolicy {
  /** A stable name within the chain, e.g. `manager`; part of idempotency keys. */
  readonly id: string
  readonly label: Label
  readonly mode: "all" | "any"
  readonly approvers: ReadonlyArray<ApproverRef>
  /** The step applies only when this holds; absent means always. */
  readonly when?: StepCondition
  /** Only in tixi-driven chains, where tixi can act on it step by step. */
  readonly deadline?: DeadlinePolicy
}

/** The chain of one request type. */
export interface ChainPolicy {
  readonly title: Label
  /** The tixi form the request is filled in on; adapters install it as the host's approval form. */
  readonly formId: string
  readonly driver: ChainDriver
  /** The handbook flow chart it comes from. */
  readonly source: string
  readonly steps: ReadonlyArray<StepPolicy>
  /** A deadline on the whole chain; `escalate` is not available here (the host holds the chain). */
  readonly deadline?: DeadlinePolicy
}

/**
 * A post of a flow chart that is not in the role catalogue (礼品管理人员 the gift keeper,
 * 办公室主任 the office director): the people who hold it, or a role to ask until someone is named.
 */
export interface PostPolicy {
  readonly label: Label
  readonly holders: ReadonlyArray<string>
  readonly fallback?: { readonly role: Role }
}

/** A standing delegation (代理审批): while valid, `to` may decide what `from` is asked to. */
export interface Delegation {
  readonly from: string
  readonly to: string
  /** Epoch milliseconds; absent means open-ended on that side. */
  readonly validFrom?: number
  readonly validUntil?: number
  /** Limits the delegation to some request types; absent means all. */
  readonly requestTypes?: ReadonlyArray<RequestType>
}

/**
 * Who approves what (DESIGN rule 6): one chain per request type, the authority limits its amount
 * conditions use, and the standing delegations. A process records the version it started under.
 */
export interface ApprovalPolicy {
  readonly version: string
  readonly currency: string
  readonly authority: AuthorityPolicy
  readonly chains: { readonly [K in RequestType]: ChainPolicy }
  /** Posts named by chains that are not roles, keyed by the name chains use (`{ post: "giftKeeper" }`). */
  readonly posts: Readonly<Record<string, PostPolicy>>
  readonly delegations: ReadonlyArray<Delegation>
}

const roleSchema = Role.schema
const approverSchema = z.union([
  z.strictObject({ role: roleSchema, scope: z.enum(["company", "requesterDepartment"]).optional() }),
  z.strictObject({ person: z.string().min(1) }),
  z.strictObject({ post: z.string().min(1) }),
  z.strictObject({ authorityFor: z.string().min(1) }),
])
const minorSchema = z.number().int().min(0).refine(Number.isSafeInteger, "amount too large")
const conditionSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("beyondAuthority"),
    decision: z.string().min(1),
    role: roleSchema,
    post: z.string().min(1).optional(),
  }),
  z.strictObject({
    kind: z.literal("withinAuthority"),
    decision: z.string().min(1),
    role: roleSchema,
    post: z.string().min(1).optional(),
  }),
  z.strictObject({ kind: z.literal("amountAbove"), minor: minorSchema }),
  z.strictObject({ kind: z.literal("amountAtMost"), minor: minorSchema }),
  z.strictObject({
    kind: z.literal("fieldEquals"),
    field: z.string().min(1),
    value: z.union([z.string(), z.number(), z.boolean()]),
  }),
])
const deadlineSchema = z.strictObject({
  hours: z
    .number()
    .positive()
    .max(24 * 365),
  onExpiry: ExpiryAction.schema,
  escalateTo: z.array(approverSchema).min(1).optional(),
})
const stepSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,39}$/, "must be a short name (letters, digits, _ -)"),
  label: labelSchema,
  mode: StepMode.schema,
  approvers: z.array(approverSchema).min(1, "a step needs at least one approver"),
  when: conditionSchema.optional(),
  deadline: deadlineSchema.optional(),
})
const chainSchema = z.strictObject({
  title: labelSchema,
  formId: z.string().min(1),
  driver: ChainDriver.schema,
  source: z.string().min(1),
  steps: z.array(stepSchema).min(1, "a chain needs at least one step").max(20, "at most 20 steps"),
  deadline: deadlineSchema.optional(),
})
const delegationSchema = z.strictObject({
  from: z.string().min(1),
  to: z.string().min(1),
  validFrom: z.number().int().optional(),
  validUntil: z.number().int().optional(),
  requestTypes: z.array(RequestType.schema).optional(),
})
const chainsShape = Object.fromEntries(RequestType.values.map((type) => [type, chainSchema])) as Record<
  RequestType,
  typeof chainSchema
>
const postSchema = z.strictObject({
  label: labelSchema,
  holders: z.array(z.string().min(1)),
  fallback: z.strictObject({ role: roleSchema }).optional(),
})
const policySchema = z.strictObject({
  version: z.string().min(1),
  currency: z.string().refine(isKnownCurrency, "unknown currency"),
  authority: z.unknown(),
  chains: z.strictObject(chainsShape),
  posts: z.record(z.string().min(1), postSchema),
  delegations: z.array(delegationSchema),
})

/**
 * Validates an approval policy: every request type has a chain; step ids are unique within a
 * chain; escalation names who takes over; host-driven chains put deadlines on the chain only and
 * never escalate (the host sequences the steps, tixi cannot replace an approver mid-chain); the
 * authority limits validate and share the policy's currency; delegations do not point at
 * themselves and their windows are ordered.
 */
export function parseApprovalPolicy(input: unknown): Result.Result<ApprovalPolicy, ValidationError> {
  const parsed = policySchema.safeParse(input)
  if (!parsed.success) return Result.fail(fromZodIssues("policy.approvals", parsed.error.issues))
  const issues: Array<ValidationIssue> = []
  const authority = parseAuthorityPolicy(parsed.data.authority)
  if (Result.isFailure(authority)) {
    for (const issue of authority.failure.issues)
      issues.push({ ...issue, path: ["authority", ...issue.path] })
  } else if (authority.success.currency !== parsed.data.currency) {
    issues.push({ path: ["authority", "currency"], message: "must be the policy's currency", code: "rule" })
  }
  for (const type of RequestType.values) {
    const chain = parsed.data.chains[type]
    const seen = new Set<string>()
    chain.steps.forEach((step, index) => {
      const at = ["chains", type, "steps", index]
      const refs = [...step.approvers, ...(step.deadline?.escalateTo ?? [])]
      for (const ref of refs) {
        if ("post" in ref && parsed.data.posts[ref.post] === undefined) {
          issues.push({ path: [...at, "approvers"], message: `unknown post ${ref.post}`, code: "rule" })
        }
      }
      const when = step.when
      if (
        when !== undefined &&
        "post" in when &&
        when.post !== undefined &&
        !Post.is(when.post) &&
        !(Result.isSuccess(authority) && postLimitsOf(authority.success, when.post) !== undefined)
      ) {
        issues.push({ path: [...at, "when", "post"], message: "is not a post", code: "unknown_post" })
      }
      if (seen.has(step.id))
        issues.push({ path: [...at, "id"], message: "step ids must be unique", code: "rule" })
      seen.add(step.id)
      if (step.deadline?.onExpiry === "escalate" && step.deadline.escalateTo === undefined) {
        issues.push({ path: [...at, "deadline", "escalateTo"], message: "say who takes over", code: "rule" })
      }
      if (chain.driver === "host" && step.deadline !== undefined) {
        issues.push({
          path: [...at, "deadline"],
          message: "a host-driven chain takes a deadline on the chain, not on its steps",
          code: "rule",
        })
      }
    })
    if (chain.deadline?.onExpiry === "escalate") {
      issues.push({
        path: ["chains", type, "deadline", "onExpiry"],
        message: "a chain deadline may remind, approve or reject; escalate on a step of a tixi-driven chain",
        code: "rule",
      })
    }
  }
  for (const [name, post] of Object.entries(parsed.data.posts)) {
    if (post.holders.length === 0 && post.fallback === undefined) {
      issues.push({ path: ["posts", name], message: "name its holders or a fallback role", code: "rule" })
    }
  }
  parsed.data.delegations.forEach((delegation, index) => {
    if (delegation.from === delegation.to) {
      issues.push({ path: ["delegations", index, "to"], message: "must differ from `from`", code: "rule" })
    }
    if (
      delegation.validFrom !== undefined &&
      delegation.validUntil !== undefined &&
      delegation.validUntil <= delegation.validFrom
    ) {
      issues.push({
        path: ["delegations", index, "validUntil"],
        message: "must be after validFrom",
        code: "rule",
      })
    }
  })
  if (issues.length > 0) return Result.fail(new ValidationError({ subject: "policy.approvals", issues }))
  return Result.succeed({ ...parsed.data, authority: Result.getOrThrow(authority) } as ApprovalPolicy)
}
