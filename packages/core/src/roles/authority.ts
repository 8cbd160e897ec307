import { Result } from "effect"
import { z } from "zod"
import { fromZodIssues, ValidationError } from "../errors/validation-error.ts"
import { isKnownCurrency } from "../money/currency.ts"
import type { Money } from "../money/money.ts"
import { managementLadder, type Role } from "./role.ts"

/** A role's limit for one kind of decision: minor units, `unlimited`, or absent (no authority). */
export type AuthorityLimit = number | "unlimited"

/**
 * What each role may decide alone (权责内), per kind of decision, as amounts. A decision above
 * the actor's limit goes up the ladder or to approval (权责外 → 审批). Policies are data with a
 * version, so a process records which limits it ran under.
 */
export interface AuthorityPolicy {
  readonly version: string
  readonly currency: string
  /** Decision kind (e.g. `complaint.remedy`) → role → limit in minor units of `currency`. */
  readonly limits: Readonly<Record<string, Readonly<Partial<Record<Role, AuthorityLimit>>>>>
}

/**
 * The handbooks' authority ladder, in CNY. Complaint remedies: the officer settles small remedies
 * on the spot, larger ones need the supervisor, the manager (客服经理, who approves in
 * 客户投诉接待流程) or the director; the general manager signs without limit (总经理批示).
 * Credit (004 ch.2 客户信用调查表 is signed by 经理 and 总经理; ch.7 客户信用等级变更流程 by the
 * 客户服务部经理): `credit.limit` is granting a customer a credit limit (赊销限额) of the amount,
 * `credit.limitOverride` letting one order take exposure past the limit by the amount. Officers grant
 * neither. The amounts are tixi's defaults (the handbooks give none); every company sets its own.
 */
export const defaultAuthorityPolicy: AuthorityPolicy = {
  version: "handbook-2026.1",
  currency: "CNY",
  limits: {
    "complaint.remedy": {
      officer: 500_00,
      supervisor: 2_000_00,
      manager: 10_000_00,
      director: 50_000_00,
      generalManager: "unlimited",
    },
    "credit.limit": {
      supervisor: 100_000_00,
      manager: 1_000_000_00,
      director: 5_000_000_00,
      generalManager: "unlimited",
    },
    "credit.limitOverride": {
      supervisor: 20_000_00,
      manager: 200_000_00,
      director: 1_000_000_00,
      generalManager: "unlimited",
    },
  },
}

/** The result of asking whether a role may decide an amount alone. */
export type AuthorityCheck =
  | { readonly within: true }
  | {
      readonly within: false
      /** The actor's limit, or null where the role may not decide this at all. */
      readonly limitMinor: number | null
      /** The lowest role on the ladder whose limit covers the amount, if any. */
      readonly lowestAuthorised: Role | undefined
    }

/** Whether a limit lets its holder decide `minor` alone; an absent limit is no authority. */
export function covers(limit: AuthorityLimit | undefined, minor: number): boolean {
  return limit === "unlimited" || (limit !== undefined && minor <= limit)
}

/** Whether `role` may decide `amount` of kind `decision` alone, and if not, who may. */
export function checkAuthority(
  policy: AuthorityPolicy,
  decision: string,
  role: Role,
  amount: Money,
): AuthorityCheck {
  if (amount.currency !== policy.currency) {
    throw new TypeError(`authority policy is in ${policy.currency}, amount in ${amount.currency}`)
  }
  const limits = policy.limits[decision] ?? {}
  const limit = limits[role]
  if (covers(limit, amount.minor)) return { within: true }
  return {
    within: false,
    limitMinor: limit === undefined ? null : (limit as number),
    lowestAuthorised: lowestAuthorisedRole(policy, decision, amount),
  }
}

/** The lowest role on the ladder that may decide the amount alone, or undefined if none may. */
export function lowestAuthorisedRole(
  policy: AuthorityPolicy,
  decision: string,
  amount: Money,
): Role | undefined {
  const limits = policy.limits[decision] ?? {}
  return managementLadder.find((role) => covers(limits[role], amount.minor))
}

const limitSchema = z.union([z.number().int().min(0).refine(Number.isSafeInteger), z.literal("unlimited")])
const roleLimitsSchema = z.strictObject({
  officer: limitSchema.optional(),
  supervisor: limitSchema.optional(),
  manager: limitSchema.optional(),
  director: limitSchema.optional(),
  generalManager: limitSchema.optional(),
  finance: limitSchema.optional(),
})
const policySchema = z.strictObject({
  version: z.string().min(1),
  currency: z.string().refine(isKnownCurrency, "unknown currency"),
  limits: z.record(z.string().min(1), roleLimitsSchema),
})

/**
 * Validates an authority policy: known currency, non-negative whole limits, and limits that never
 * shrink going up the ladder (a manager who may grant less than a supervisor is a typo).
 */
export function parseAuthorityPolicy(input: unknown): Result.Result<AuthorityPolicy, ValidationError> {
  const parsed = policySchema.safeParse(input)
  if (!parsed.success) return Result.fail(fromZodIssues("policy.authority", parsed.error.issues))
  const issues = []
  for (const [decision, limits] of Object.entries(parsed.data.limits)) {
    let previous: AuthorityLimit | undefined
    for (const role of managementLadder) {
      const limit = limits[role]
      if (limit === undefined) continue
      if (
        previous !== undefined &&
        (previous === "unlimited" || (limit !== "unlimited" && limit < previous))
      ) {
        issues.push({
          path: ["limits", decision, role],
          message: "must not be lower than the limit of the role below",
          code: "rule",
        })
      }
      previous = limit
    }
  }
  if (issues.length > 0) return Result.fail(new ValidationError({ subject: "policy.authority", issues }))
  return Result.succeed(parsed.data as AuthorityPolicy)
}
