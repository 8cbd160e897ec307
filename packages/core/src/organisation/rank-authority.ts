import type { AuthorityLimit, AuthorityPolicy } from "../roles/authority.ts"
import type { Role } from "../roles/role.ts"

/** Decision kind → limit in minor units: what one post may decide alone (权责内). */
export type PostAuthority = Readonly<Record<string, AuthorityLimit>>

/** What a rank may decide under the rank-based table: the default authority of every post of that rank. */
export function authorityOfRank(policy: AuthorityPolicy, rank: Role): PostAuthority {
  const out: Record<string, AuthorityLimit> = {}
  for (const [decision, limits] of Object.entries(policy.limits)) {
    const limit = limits[rank]
    if (limit !== undefined) out[decision] = limit
  }
  return out
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
