import type { AccessModule } from "../access/access-module.ts"
import type { ConfidentialityLevel } from "../access/confidentiality-level.ts"
import type { Pointer } from "../handbook/catalogue-entry.ts"
import type { Label } from "../labels/label.ts"
import type { Role } from "../roles/role.ts"
import type { Department } from "./department.ts"
import type { Post } from "./post.ts"

/** A process a post acts in, named as the module exports it, so a test resolves it to real code. */
export type ProcessReference = Extract<Pointer, { readonly kind: "process" }>

/** Where a post acts in one process: the process and the steps of its chart the post performs. */
export interface ProcessPart {
  readonly process: ProcessReference
  /** The chart's steps this post performs (numbered as the chart numbers them where it does). */
  readonly steps: Label
}

/**
 * One post (岗位) as the handbooks describe it, so an organisation can be resolved, a directory
 * mapped and access decided from data rather than from the rank a command claims. Duties are the
 * handbook's 岗位职责 in its order, Chinese as printed with an English gloss.
 */
export interface PostDescription {
  readonly post: Post
  /** Where the description comes from, cited as the catalogue cites (e.g. `004 ch.1 §5`). */
  readonly source: string
  /** The rung of the management ladder whose authority the post has unless a company overrides it. */
  readonly rank: Role
  readonly department: Department
  /** The post above; only the general manager reports to no one. */
  readonly reportsTo: Post | undefined
  readonly duties: ReadonlyArray<Label>
  /** Form ids of the forms the post may fill. */
  readonly forms: ReadonlyArray<string>
  readonly processes: ReadonlyArray<ProcessPart>
  /** The highest confidentiality level (密级) the post may read. */
  readonly clearance: ConfidentialityLevel
  /** The modules whose need-to-know records the post reads (the access policy's `needToKnow`). */
  readonly needToKnow: ReadonlyArray<AccessModule>
}
