import type { AccessModule } from "../access/access-module.ts"
import type { ConfidentialityLevel } from "../access/confidentiality-level.ts"
import type { Label } from "../labels/label.ts"
import type { AuthorityLimit } from "../roles/authority.ts"
import type { Role } from "../roles/role.ts"
import type { Department } from "./department.ts"
import type { ProcessPart } from "./post-description.ts"

/** Which of the handbook's organisation charts (004 ch.1 §1–§2) a company starts from. */
export type OrganisationPreset = "smallEnterprise" | "largeEnterprise"

/** A post a company adds to the handbook's, described as the handbook describes its own. */
export interface AddedPost {
  readonly label: Label
  readonly rank: Role
  readonly department: Department
  /** A handbook post id or another added post's id. */
  readonly reportsTo: string
  readonly duties: ReadonlyArray<Label>
  readonly forms: ReadonlyArray<string>
  readonly processes: ReadonlyArray<ProcessPart>
  readonly clearance: ConfidentialityLevel
  readonly needToKnow: ReadonlyArray<AccessModule>
}

/**
 * A company's organisation: a preset chart, then its renamings, merges, added posts and per-post
 * authority. Versioned data like the other policies, so a process instance can record the
 * organisation it ran under and a directory mapping can be checked against it.
 */
export interface OrganisationPolicy {
  readonly version: string
  readonly preset: OrganisationPreset
  /** Post id → the company's name for it (e.g. 客服专员 for 客户投诉专员). */
  readonly labels: Readonly<Record<string, Label>>
  /** Merged post id → the post that takes its duties, authority, forms and flows (on top of the preset's merges). */
  readonly merges: Readonly<Record<string, string>>
  /** New post id → its description. */
  readonly added: Readonly<Record<string, AddedPost>>
  /** Post id → decision kind → limit in minor units, replacing what the post's rank would give it. */
  readonly authority: Readonly<Record<string, Readonly<Record<string, AuthorityLimit>>>>
}
