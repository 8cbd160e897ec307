import type { Post } from "../../post.ts"
import type { ScoredObjective } from "./objective-score.ts"

/**
 * One person's performance for a period, 0–100, from the figures tixi already keeps for the post
 * (大客户专员考核表, the agent evaluation, complaint statistics): the performance axis of the
 * quadrant and the results a self-assessment starts from.
 */
export interface PerformanceScore {
  readonly personId: string
  readonly post: Post
  readonly score: number
  /** The KPI lines the score is made of, as 绩效考核表 shows them. */
  readonly lines: ReadonlyArray<ScoredObjective>
}
