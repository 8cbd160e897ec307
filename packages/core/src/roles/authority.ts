import { Result } from "effect"
import { z } from "zod"
import { NotWithinAuthority } from "../errors/refusals.ts"
import { fromZodIssues, ValidationError, type ValidationIssue } from "../errors/validation-error.ts"
import { isKnownCurrency } from "../money/currency.ts"
import type { Money } from "../money/money.ts"
import { Post } from "../organisation/post.ts"
import { isAtLeast, managementLadder, type Role } from "./role.ts"

/** A role's limit for one kind of decision: minor units, `unlimited`, or absent (no authority). */
export type AuthorityLimit = number | "unlimited"

/** Decision kind → limit: everything one post may decide alone, an absent decision being no authority. */
export type PostLimits = Readonly<Record<string, AuthorityLimit>>

/**
 * What each post and each role may decide alone (权责内), per kind of decision, as amounts. A
 * decision above the actor's limit goes up the ladder or to approval (权责外 → 审批). The handbooks
 * give decisions to posts (the 客户信用主管 reviews credit, not every supervisor), so a post the
 * policy names has its own row; every other post has its rank's. Policies are data with a
 * version, so a process records which limits it ran under.
 */
export interface AuthorityPolicy {
  readonly version: string
  readonly currency: string
  /** Decision kind (e.g. `complaint.remedy`) → role → limit in minor units of `currency`. */
  readonly limits: Readonly<Record<string, Readonly<Partial<Record<Role, AuthorityLimit>>>>>
  /**
   * Post id (a handbook `Post` or a company's added post) → everything that post may decide
   * alone, replacing its rank's row whole: a decision missing here is one the post may not take,
   * even where its rank may. Optional, so policies written before posts had limits keep their meaning.
   */
  readonly posts?: Readonly<Record<string, PostLimits>> | undefined
}

/**
 * The handbooks' authority ladder, in CNY, and the posts the handbooks give a decision the ladder
 * does not express. Complaint remedies: the officer settles small remedies
 * on the spot, larger ones need the supervisor, the manager (客服经理, who approves in
 * 客户投诉接待流程) or the director; the general manager signs without limit (总经理批示).
 * Credit (004 ch.2 客户信用调查表 is signed by 经理 and 总经理; ch.7 客户信用等级变更流程 by the
 * 客户服务部经理): `credit.limit` is granting a customer a credit limit (赊销限额) of the amount,
 * `credit.limitOverride` letting one order take exposure past the limit by the amount. Officers grant
 * neither. The amounts are tixi's defaults (the handbooks give none); every company sets its own.
 *
 * Per post: the 客户信用主管 (000 ch.7 §7.2.1: 审核客户资信分级与资信限度, reviews the override
 * request) decides credit limits and overrides beyond a generic supervisor, and settles no
 * complaint remedies (credit duties only); the 客户信用专员 (§7.2.2) investigates and decides
 * nothing alone, not even the officer's on-the-spot remedy. The 客户投诉专员 (004 ch.6 §2; 客户投诉接待流程
 * ⑥ 自行处理问题 权责内, above it ⑤ 审批 by the 客服经理) settles remedies on the spot up to the
 * officer's amount. Every amount is tixi's default: the handbooks name the posts, not the sums.
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
  posts: {
    creditSupervisor: { "credit.limit": 200_000_00, "credit.limitOverride": 50_000_00 },
    creditOfficer: {},
    complaintOfficer: { "complaint.remedy": 500_00 },
  },
}

/**
 * Who asks for authority: the rank, and the post the actor acts in where a command names one
 * (an `Actor` fits). An actor without a post has exactly its rank's authority.
 */
export interface AuthorityHolder {
  readonly role: Role
  readonly post?: string | undefined
}

/** The result of asking whether an actor may decide an amount alone. */
export type AuthorityCheck =
  | { readonly within: true }
  | {
      readonly within: false
      /** The actor's limit, or null where the actor may not decide this at all. */
      readonly limitMinor: number | null
      /** The lowest role on the ladder whose limit covers the amount, if any. */
      readonly lowestAuthorised: Role | undefined
      /** The post the actor acted in, present only when it did: the refusal names it. */
      readonly post?: string
    }

/** Whether a limit lets its holder decide `minor` alone; an absent limit is no authority. */
export function covers(limit: AuthorityLimit | undefined, minor: number): boolean {
  return limit === "unlimited" || (limit !== undefined && minor <= limit)
}

/** The row the policy gives a post of its own, or undefined where the post has its rank's. */
export function postLimitsOf(policy: AuthorityPolicy, post: string | undefined): PostLimits | undefined {
  return post !== undefined && policy.posts !== undefined && Object.hasOwn(policy.posts, post)
    ? policy.posts[post]
    : undefined
}

/** What a rank may decide under the ladder: the row of every post the policy does not name. */
export function rankLimitsOf(policy: AuthorityPolicy, role: Role): PostLimits {
  const out: Record<string, AuthorityLimit> = {}
  for (const [decision, limits] of Object.entries(policy.limits)) {
    const limit = limits[role]
    if (limit !== undefined) out[decision] = limit
  }
  return out
}

/**
 * Everything an actor may decide alone: its post's row when the policy names the post, else its
 * rank's. The organisation chart's `authorityOf` and every flow read authority through this, so
 * there is one table.
 */
export function authorityLimitsOf(policy: AuthorityPolicy, holder: AuthorityHolder): PostLimits {
  return postLimitsOf(policy, holder.post) ?? rankLimitsOf(policy, holder.role)
}

/** The actor's limit for one decision (post first, then rank); undefined is no authority. */
export function authorityLimitOf(
  policy: AuthorityPolicy,
  decision: string,
  holder: AuthorityHolder,
): AuthorityLimit | undefined {
  const own = postLimitsOf(policy, holder.post)
  if (own !== undefined) return Object.hasOwn(own, decision) ? own[decision] : undefined
  return policy.limits[decision]?.[holder.role]
}

/**
 * Whether an actor (a role, or a role acting in a post) may decide `amount` of kind `decision`
 * alone, and if not, who may: the one question every flow asks before it goes to approval. The
 * actor's post decides when the policy names it, else the rank does, so an actor without a post
 * is answered exactly as by the rank table. A named post whose row lacks the decision (a credit
 * post and complaint remedies) gets no one to go to: the flow refuses rather than routes it. Throws a `TypeError` for an amount in another
 * currency than the policy's: callers check currencies where they take the amount.
 */
export function checkAuthority(
  policy: AuthorityPolicy,
  decision: string,
  actor: Role | AuthorityHolder,
  amount: Money,
): AuthorityCheck {
  if (amount.currency !== policy.currency) {
    throw new TypeError(`authority policy is in ${policy.currency}, amount in ${amount.currency}`)
  }
  const holder = typeof actor === "string" ? { role: actor } : actor
  const limit = authorityLimitOf(policy, decision, holder)
  if (covers(limit, amount.minor)) return { within: true }
  // A post the policy names without this decision takes no part in it: nobody is asked to approve its proposal.
  const outsidePost = limit === undefined && postLimitsOf(policy, holder.post) !== undefined
  const refused = {
    within: false as const,
    limitMinor: limit === undefined ? null : (limit as number),
    lowestAuthorised: outsidePost ? undefined : lowestAuthorisedRole(policy, decision, amount),
  }
  return holder.post === undefined ? refused : { ...refused, post: holder.post }
}

/**
 * Whether the actor decides alone on the strength of its post: the policy names the post, the
 * post's limit covers the amount, and its rank is not below `atLeast` (the lowest approver a
 * chart or grade requires, whatever the amount). Flows that always went to approval whatever the
 * rank (a credit override) let the handbook's deciding post (客户信用主管) decide within its own
 * limit and keep every other actor on the approval path as before.
 */
export function decidesAloneInPost(
  policy: AuthorityPolicy,
  decision: string,
  holder: AuthorityHolder,
  amount: Money,
  atLeast?: Role,
): boolean {
  return (
    postLimitsOf(policy, holder.post) !== undefined &&
    (atLeast === undefined || isAtLeast(holder.role, atLeast)) &&
    checkAuthority(policy, decision, holder, amount).within
  )
}

/**
 * The refusal of a decision no post may take: names the actor's rank, and its post when it
 * acted in one, with the limit it had.
 */
export function notWithinAuthority(
  decision: string,
  holder: AuthorityHolder,
  limitMinor: number | null,
  amount: Money,
): NotWithinAuthority {
  return new NotWithinAuthority({
    decision,
    role: holder.role,
    ...(holder.post === undefined ? {} : { post: holder.post }),
    limitMinor,
    requestedMinor: amount.minor,
    currency: amount.currency,
  })
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
  posts: z.record(z.string().min(1).max(100), z.record(z.string().min(1), limitSchema)).optional(),
})

/** What `parseAuthorityPolicy` needs to know beyond the policy itself. */
export interface AuthorityPolicyParseOptions {
  /** The ids of the posts a company added to the handbook's (its organisation policy's `added`), which `posts` may name too. */
  readonly addedPosts?: ReadonlyArray<string>
}

/**
 * Validates an authority policy: known currency, non-negative whole limits, limits that never
 * shrink going up the ladder (a manager who may grant less than a supervisor is a typo), and
 * per-post rows only for posts that exist (a handbook post or one of `options.addedPosts`), so a
 * misspelt post cannot silently fall back to its rank.
 */
export function parseAuthorityPolicy(
  input: unknown,
  options: AuthorityPolicyParseOptions = {},
): Result.Result<AuthorityPolicy, ValidationError> {
  const parsed = policySchema.safeParse(input)
  if (!parsed.success) return Result.fail(fromZodIssues("policy.authority", parsed.error.issues))
  const issues: ValidationIssue[] = []
  const added = Array.isArray(options.addedPosts) ? options.addedPosts : []
  for (const post of Object.keys(parsed.data.posts ?? {})) {
    if (!Post.is(post) && !added.includes(post))
      issues.push({ path: ["posts", post], message: "is not a post", code: "unknown_post" })
  }
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
