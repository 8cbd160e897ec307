import { type AuthorityPolicy, type PostLimits, postLimitsOf, rankLimitsOf } from "../roles/authority.ts"
import type { Organisation } from "./organisation-chart.ts"

const sameLimits = (a: PostLimits, b: PostLimits): boolean =>
  Object.keys(a).length === Object.keys(b).length &&
  Object.entries(a).every(([decision, limit]) => Object.hasOwn(b, decision) && b[decision] === limit)

/**
 * The authority policy a company's flows run under once its organisation is resolved, so the
 * flows and the chart answer from one table. Every post whose authority the chart changed (a
 * merge widened it, the organisation policy's `authority` overrode it, the authority policy named
 * it) gets its row in `posts`, and every merged post the row of the post that holds it: a person
 * who acts as 客户信用主管 in a company where the 信息主管 took that post's duties decides what
 * the 信息主管 may. Posts the chart leaves at their rank stay unnamed and keep the rank's row.
 */
export function chartAuthorityPolicy(chart: Organisation, base: AuthorityPolicy): AuthorityPolicy {
  const posts: Record<string, PostLimits> = {}
  for (const post of chart.posts) {
    const atRank = rankLimitsOf(base, post.rank)
    const named = postLimitsOf(base, post.id) !== undefined
    if (!named && post.absorbs.length === 0 && sameLimits(post.authority, atRank)) continue
    for (const id of [post.id, ...post.absorbs]) posts[id] = post.authority
  }
  return { ...base, version: `${base.version}+${chart.version}`, posts }
}
