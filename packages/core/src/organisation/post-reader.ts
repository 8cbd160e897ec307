import type { Reader } from "../access/reader.ts"
import type { ResolvedPost } from "./organisation-chart.ts"

/**
 * What a person acting in `post` may read: the post's clearance and its need-to-know modules, as
 * the access projection takes them. Reading rights come from the post the company's organisation
 * gives, never from the person, so renaming or merging a post changes them in one place.
 */
export const readerOfPost = (post: Pick<ResolvedPost, "clearance" | "needToKnow">): Reader => ({
  clearance: post.clearance,
  modules: new Set(post.needToKnow),
})
