import { Result } from "effect"
import type { AccessModule } from "../access/access-module.ts"
import { type ConfidentialityLevel, stricterLevel } from "../access/confidentiality-level.ts"
import { ValidationError, type ValidationIssue } from "../errors/validation-error.ts"
import type { Label } from "../labels/label.ts"
import type { Money } from "../money/money.ts"
import {
  type AuthorityPolicy,
  authorityLimitsOf,
  covers,
  defaultAuthorityPolicy,
} from "../roles/authority.ts"
import type { Role } from "../roles/role.ts"
import type { Department } from "./department.ts"
import type { OrganisationPolicy } from "./organisation-policy.ts"
import { Post } from "./post.ts"
import { postCatalogue } from "./post-catalogue.ts"
import type { ProcessPart } from "./post-description.ts"
import { smallEnterpriseMerges } from "./presets/small-enterprise.ts"
import { type PostAuthority, widerAuthority } from "./rank-authority.ts"

/** A post as one company has it: the handbook's description after renaming, merging and overrides. */
export interface ResolvedPost {
  /** A handbook post id, or the id a company gave an added post. */
  readonly id: string
  readonly label: Label
  readonly rank: Role
  readonly department: Department
  readonly reportsTo: string | undefined
  readonly duties: ReadonlyArray<Label>
  readonly forms: ReadonlyArray<string>
  readonly processes: ReadonlyArray<ProcessPart>
  readonly clearance: ConfidentialityLevel
  readonly needToKnow: ReadonlyArray<AccessModule>
  readonly authority: PostAuthority
  /** The posts merged into this one, whose duties it carries. */
  readonly absorbs: ReadonlyArray<string>
}

/**
 * A company's resolved organisation chart and the questions asked of it. Every query accepts a
 * merged post's id too and answers for the post that holds it, so stored events and directory
 * mappings that name a handbook post keep working after a company merges it.
 */
export interface Organisation {
  readonly version: string
  readonly posts: ReadonlyArray<ResolvedPost>
  /** The post that holds `id` (itself, or the post it was merged into), or undefined if unknown. */
  readonly holderOf: (id: string) => ResolvedPost | undefined
  readonly postsInDepartment: (department: Department) => ReadonlyArray<ResolvedPost>
  /** The post and the posts above it, up to the one that reports to no one. */
  readonly reportingLine: (id: string) => ReadonlyArray<ResolvedPost>
  readonly mayFill: (id: string, formId: string) => boolean
  /** Whether the post acts in the process of that name (as the process definition names itself). */
  readonly actsIn: (id: string, processName: string) => boolean
  /**
   * What the post may decide alone: its row of the authority policy (the post's own where the
   * policy names it, else its rank's), widened by the posts it absorbs and replaced decision by
   * decision by the organisation policy's `authority`; empty for an unknown post.
   */
  readonly authorityOf: (id: string) => PostAuthority
  /**
   * Whether the post may decide the amount alone (权责内), and if not, the nearest post up its
   * reporting line that may: where a decision goes next, per post rather than per rank. Throws a
   * `TypeError` for an amount in another currency than the authority policy's, as `checkAuthority` does.
   */
  readonly checkAuthority: (id: string, decision: string, amount: Money) => PostAuthorityCheck
}

/** The answer of `Organisation.checkAuthority`. */
export type PostAuthorityCheck =
  | { readonly within: true }
  | {
      readonly within: false
      /** The post's limit, or null where it may not decide this at all. */
      readonly limitMinor: number | null
      /** The nearest post above whose limit covers the amount, if any. */
      readonly lowestAuthorised: string | undefined
    }

const subject = "policy.organisation"

type Draft = { -readonly [K in keyof ResolvedPost]: ResolvedPost[K] }

const union = <T>(a: ReadonlyArray<T>, b: ReadonlyArray<T>): ReadonlyArray<T> => [...new Set([...a, ...b])]

/** Adds a merged post's own description (not what it absorbed: chains resolve to one holder each). */
function absorb(into: Draft, merged: Draft): void {
  into.duties = [...into.duties, ...merged.duties]
  into.forms = union(into.forms, merged.forms)
  into.processes = [...into.processes, ...merged.processes]
  into.clearance = stricterLevel(into.clearance, merged.clearance)
  into.needToKnow = union(into.needToKnow, merged.needToKnow)
  into.authority = widerAuthority(into.authority, merged.authority)
  into.absorbs = [...into.absorbs, merged.id]
}

/**
 * Resolves a policy into its chart, or names every field that makes it impossible: an unknown
 * post, a merge into a missing post, merges or reporting lines that loop, two posts with the
 * same name. `parseOrganisationPolicy` runs this; callers with a parsed policy use
 * `organisationOf`.
 */
export function resolveOrganisation(
  policy: OrganisationPolicy,
  authorityPolicy: AuthorityPolicy = defaultAuthorityPolicy,
): Result.Result<Organisation, ValidationError> {
  const issues: ValidationIssue[] = []
  const drafts = new Map<string, Draft>()
  for (const description of Object.values(postCatalogue)) {
    drafts.set(description.post, {
      id: description.post,
      label: Post.labels[description.post],
      rank: description.rank,
      department: description.department,
      reportsTo: description.reportsTo,
      duties: description.duties,
      forms: description.forms,
      processes: description.processes,
      clearance: description.clearance,
      needToKnow: description.needToKnow,
      authority: authorityLimitsOf(authorityPolicy, { role: description.rank, post: description.post }),
      absorbs: [],
    })
  }
  for (const [id, added] of Object.entries(policy.added)) {
    if (drafts.has(id)) {
      issues.push({ path: ["added", id], message: "is already a post", code: "duplicate" })
      continue
    }
    const authority = authorityLimitsOf(authorityPolicy, { role: added.rank, post: id })
    drafts.set(id, { id, ...added, authority, absorbs: [] })
  }
  for (const [id, added] of Object.entries(policy.added)) {
    if (!drafts.has(added.reportsTo))
      issues.push({
        path: ["added", id, "reportsTo"],
        message: `${added.reportsTo} is not a post`,
        code: "unknown_post",
      })
  }
  for (const [id, name] of Object.entries(policy.labels)) {
    const draft = drafts.get(id)
    if (draft === undefined)
      issues.push({ path: ["labels", id], message: "is not a post", code: "unknown_post" })
    else draft.label = name
  }
  const merges: ReadonlyArray<readonly [string, string, "preset" | "merges"]> = [
    ...(policy.preset === "smallEnterprise" ? Object.entries(smallEnterpriseMerges) : []).map(
      ([from, into]) => [from, into as string, "preset"] as const,
    ),
    ...Object.entries(policy.merges).map(([from, into]) => [from, into, "merges"] as const),
  ]
  // Merged post → the post it merges into (the policy's merge replaces the preset's for the same
  // post); a merge into a merged post follows on to that post's holder.
  const mergedInto = new Map<string, string>()
  for (const [from, into, origin] of merges) {
    const path = origin === "preset" ? ["preset"] : ["merges", from]
    if (!drafts.has(from)) issues.push({ path, message: `${from} is not a post`, code: "unknown_post" })
    else if (!drafts.has(into))
      issues.push({ path, message: `merges into ${into}, which is not a post`, code: "missing_post" })
    else if (from === "generalManager")
      issues.push({ path, message: "the general manager heads every reporting line", code: "rule" })
    else mergedInto.set(from, into)
  }
  const holder = new Map<string, string>()
  for (const [from, origin] of merges.map(([from, , origin]) => [from, origin] as const)) {
    if (!mergedInto.has(from) || holder.has(from)) continue
    const seen = new Set<string>([from])
    let into = mergedInto.get(from)!
    while (mergedInto.has(into) && !seen.has(into)) {
      seen.add(into)
      into = mergedInto.get(into)!
    }
    if (seen.has(into))
      issues.push({
        path: origin === "preset" ? ["preset"] : ["merges", from],
        message: "the merges loop",
        code: "cycle",
      })
    else holder.set(from, into)
  }
  for (const id of Object.keys(policy.authority)) {
    if (!drafts.has(id))
      issues.push({ path: ["authority", id], message: "is not a post", code: "unknown_post" })
    else if (holder.has(id))
      issues.push({
        path: ["authority", id],
        message: `is merged into ${holder.get(id)}; set the authority there`,
        code: "rule",
      })
  }
  if (issues.length > 0) return Result.fail(new ValidationError({ subject, issues }))

  const holderId = (id: string): string => holder.get(id) ?? id
  for (const [from, into] of holder) absorb(drafts.get(into)!, drafts.get(from)!)
  const resolved = new Map<string, Draft>()
  for (const [id, draft] of drafts) {
    if (holder.has(id)) continue
    let above = draft.reportsTo
    // A post that absorbed its own superior reports where that superior reported.
    const climbed = new Set<string>()
    while (above !== undefined && holderId(above) === id && !climbed.has(above)) {
      climbed.add(above)
      above = drafts.get(above)!.reportsTo
    }
    draft.reportsTo = above === undefined ? undefined : holderId(above)
    const override = Object.hasOwn(policy.authority, id) ? policy.authority[id] : undefined
    if (override !== undefined) draft.authority = { ...draft.authority, ...override }
    resolved.set(id, draft)
  }
  for (const draft of resolved.values()) {
    const seen = new Set<string>([draft.id])
    let above = draft.reportsTo
    while (above !== undefined) {
      if (seen.has(above)) {
        // Only added posts and merges can bend a handbook reporting line into a loop.
        issues.push(
          Object.hasOwn(policy.added, draft.id)
            ? { path: ["added", draft.id, "reportsTo"], message: "the reporting line loops", code: "cycle" }
            : {
                path: ["merges"],
                message: `the merges make the reporting line of ${draft.id} loop`,
                code: "cycle",
              },
        )
        break
      }
      seen.add(above)
      above = resolved.get(above)?.reportsTo
    }
  }
  for (const locale of ["zh-CN", "en"] as const) {
    const named = new Map<string, string>()
    for (const draft of resolved.values()) {
      const name = draft.label[locale]
      const other = named.get(name)
      if (other !== undefined) {
        // Blame the post whose name the policy chose, not the handbook's.
        const chosen = (id: string) => Object.hasOwn(policy.labels, id) || Object.hasOwn(policy.added, id)
        const blamed = chosen(draft.id) || !chosen(other) ? draft.id : other
        const path = Object.hasOwn(policy.added, blamed)
          ? ["added", blamed, "label", locale]
          : ["labels", blamed, locale]
        issues.push({ path, message: `${name} already names ${other}`, code: "duplicate" })
      } else named.set(name, draft.id)
    }
  }
  if (issues.length > 0) return Result.fail(new ValidationError({ subject, issues }))

  const posts: ReadonlyArray<ResolvedPost> = [...resolved.values()]
  const holderOf = (id: string) => resolved.get(holderId(id))
  const reportingLine = (id: string): ReadonlyArray<ResolvedPost> => {
    const line: ResolvedPost[] = []
    for (
      let post = holderOf(id);
      post !== undefined;
      post = post.reportsTo === undefined ? undefined : resolved.get(post.reportsTo)
    )
      line.push(post)
    return line
  }
  return Result.succeed({
    version: policy.version,
    posts,
    holderOf,
    postsInDepartment: (department) => posts.filter((post) => post.department === department),
    reportingLine,
    mayFill: (id, formId) => holderOf(id)?.forms.includes(formId) ?? false,
    actsIn: (id, processName) =>
      holderOf(id)?.processes.some((part) => part.process.name === processName) ?? false,
    authorityOf: (id) => holderOf(id)?.authority ?? {},
    checkAuthority: (id, decision, amount) => {
      if (amount.currency !== authorityPolicy.currency)
        throw new TypeError(
          `authority policy is in ${authorityPolicy.currency}, amount in ${amount.currency}`,
        )
      const [post, ...above] = reportingLine(id)
      const limit = post?.authority[decision]
      if (covers(limit, amount.minor)) return { within: true }
      return {
        within: false,
        limitMinor: limit === undefined || limit === "unlimited" ? null : limit,
        lowestAuthorised: above.find((superior) => covers(superior.authority[decision], amount.minor))?.id,
      }
    },
  })
}

/**
 * The resolved chart of a policy that `parseOrganisationPolicy` accepted (or a shipped preset).
 * A policy that never went through the parser and does not resolve throws the `ValidationError`
 * the parser would have returned.
 */
export function organisationOf(
  policy: OrganisationPolicy,
  authorityPolicy: AuthorityPolicy = defaultAuthorityPolicy,
): Organisation {
  const resolved = resolveOrganisation(policy, authorityPolicy)
  if (Result.isFailure(resolved)) throw resolved.failure
  return resolved.success
}
