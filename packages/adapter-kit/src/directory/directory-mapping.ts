import { Organisation, Role } from "@tixi/core"

/** A post (岗位) of the handbooks, by its stable id. */
type Post = Organisation.Post

/**
 * How a company says which tixi roles and posts (岗位) its people hold on a host, the same on every
 * host so a company moving from DingTalk to HubSpot keeps its mapping: host names (a DingTalk role
 * or title, a WeCom tag or position, a HubSpot team name or owner email, a Salesforce role,
 * permission set or title) per role and per post, and posts given to everyone in a department.
 */
export interface DirectoryMapping {
  /** Host names that mean each tixi role. Default: the role's Chinese label (专员, 主管, 经理, …). */
  readonly roleNames?: Partial<Record<Role, ReadonlyArray<string>>>
  /**
   * Host names that mean each post, checked when a command claims a post. Default: the post's
   * Chinese label (客户信用主管, 呼叫中心专员, …).
   */
  readonly postNames?: Partial<Record<Post, ReadonlyArray<string>>>
  /**
   * Posts the company gives everyone in a department, by tixi department id (as the id mapping
   * names it), e.g. `{ "complaints-desk": ["complaintOfficer"] }`: for companies whose
   * departments, not titles, say the post. None by default.
   */
  readonly departmentPosts?: Readonly<Record<string, ReadonlyArray<Post>>>
}

/** A problem with one setting, naming it by its dotted path, as settings checks report them. */
export interface SettingProblem {
  readonly field: string
  readonly message: string
}

/**
 * Every problem of a company's mapping, each with its path below `setting`
 * (`directory.postNames.complaintOfficr`): a misspelt post or role would otherwise quietly map
 * nobody, and every command claiming it would be refused.
 */
export function directoryMappingProblems(
  mapping: DirectoryMapping,
  setting?: string,
): ReadonlyArray<SettingProblem> {
  const problems: Array<SettingProblem> = []
  const at = (path: string) => (setting === undefined ? path : `${setting}.${path}`)
  const names = (field: string, value: unknown) => {
    if (!Array.isArray(value)) return problems.push({ field, message: "must be a list of host names" })
    value.forEach((name, index) => {
      if (typeof name !== "string" || name.trim() === "")
        problems.push({ field: `${field}.${index}`, message: "must be a non-empty host name" })
    })
  }
  for (const [role, value] of Object.entries(mapping.roleNames ?? {})) {
    if (!Role.is(role))
      problems.push({ field: at(`roleNames.${role}`), message: `is not a role: ${Role.values.join(", ")}` })
    else names(at(`roleNames.${role}`), value)
  }
  for (const [post, value] of Object.entries(mapping.postNames ?? {})) {
    if (!Organisation.Post.is(post))
      problems.push({ field: at(`postNames.${post}`), message: "is not a post of the catalogue" })
    else names(at(`postNames.${post}`), value)
  }
  for (const [department, posts] of Object.entries(mapping.departmentPosts ?? {})) {
    const field = at(`departmentPosts.${department}`)
    if (!Array.isArray(posts)) problems.push({ field, message: "must be a list of posts" })
    else
      posts.forEach((post, index) => {
        if (!Organisation.Post.is(post))
          problems.push({
            field: `${field}.${index}`,
            message: `"${String(post)}" is not a post of the catalogue`,
          })
      })
  }
  return problems
}

/** The first problem of a company's mapping, or `undefined`: for settings checks that report one field. */
export function directoryMappingProblem(mapping: DirectoryMapping): SettingProblem | undefined {
  return directoryMappingProblems(mapping)[0]
}

/**
 * Throws naming the host and the setting when a company's mapping is wrong, for adapters whose
 * settings check throws (DingTalk, WeCom); `directoryMappingProblems` for those that return failures.
 */
export function checkDirectoryMapping(host: string, mapping: DirectoryMapping): void {
  const problem = directoryMappingProblem(mapping)
  if (problem !== undefined) throw new TypeError(`${host} ${problem.field} ${problem.message}`)
}
