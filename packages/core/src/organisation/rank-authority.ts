import {
  type AuthorityLimit,
  type AuthorityPolicy,
  type PostLimits,
  rankLimitsOf,
} from "../roles/authority.ts"
import type { Role } from "../roles/role.ts"

/** Decision kind → limit in minor units: what one post may decide alone (权责内). */
export type PostAuthority = PostLimits

/**
 * What a rank may decide under the rank-based table: the authority of every post of that rank
 * the authority policy does not name. Kept for callers of the organisation module; the same as
 * `rankLimitsOf`.
 */
export function authorityOfRank(policy: AuthorityPolicy, rank: Role): PostAuthority {
  return rankLimitsOf(policy, rank)
}

/** The larger of two limits, absent counting as no authority: a post that absorbs another keeps the wider. */
export function widerLimit(
  a: AuthorityLimit | undefined,
  b: AuthorityLimit | undefined,
): AuthorityLimit | undefined {
  if (a === "unlimited" || b === "unlimited") return "unlimited"
  if (a === undefined) return b
  if (b === undefined) return a
  return Math.max(a, b)
}

/** Two posts' authority combined decision by decision, each at the wider limit. */
export function widerAuthority(a: PostAuthority, b: PostAuthority): PostAuthority {
  const out: Record<string, AuthorityLimit> = { ...a }
  for (const [decision, limit] of Object.entries(b)) {
    const wider = widerLimit(out[decision], limit)
    if (wider !== undefined) out[decision] = wider
  }
  return out
}
