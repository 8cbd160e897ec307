import { type Enumeration, Organisation, Role } from "@tixi/core"

/**
 * How a company says which tixi roles and posts (岗位) its people hold on a host, the same on every
 * host so a company moving from DingTalk to HubSpot keeps its mapping: host names (a DingTalk role
 * or title, a WeCom tag or position, a HubSpot team name or owner email) per role and per post,
 * and posts given to everyone in a department.
 */
export interface DirectoryMapping {
  /** Host names that mean each tixi role. Default: the role's Chinese label (专员, 主管, 经理, …). */
  readonly roleNames?: Partial<Record<Role, ReadonlyArray<string>>>
  /**
   * Host names that mean each post, checked when a command claims a post. Default: the post's
   * Chinese label (客户信用主管, 呼叫中心专员, …).
   */
  readonly postNames?: Partial<Record<Organisation.Post, ReadonlyArray<string>>>
  /**
   * Posts the company gives everyone in a department, by tixi department id (as the id mapping
   * names it), e.g. `{ "complaints-desk": ["complaintOfficer"] }`: for companies whose
   * departments, not titles, say the post. None by default.
   */
  readonly departmentPosts?: Readonly<Record<string, ReadonlyArray<Organisation.Post>>>
}

/** A problem with one setting, naming it, as settings checks report them. */
export interface SettingProblem {
  readonly field: string
  readonly message: string
}

/** What is wrong with one `{ value: names }` table: an unknown key, or names that are not text. */
function namesProblem<Value extends string>(
  values: Enumeration<Value>,
  table: Readonly<Record<string, unknown>> | undefined,
  setting: string,
): SettingProblem | undefined {
  for (const [key, names] of Object.entries(table ?? {})) {
    if (!values.is(key))
      return { field: `${setting}.${key}`, message: `is not one of ${values.values.join(", ")}` }
    if (!Array.isArray(names)) return { field: `${setting}.${key}`, message: "must be a list of names" }
    for (const [index, name] of names.entries()) {
      if (typeof name !== "string" || name.trim() === "")
        return { field: `${setting}.${key}[${index}]`, message: "must be a non-empty name" }
    }
  }
  return undefined
}

/**
 * What is wrong with a company's directory mapping, naming the setting, or `undefined`: a misspelt
 * post would otherwise quietly give nobody the post, and every command claiming it would be refused.
 */
export function directoryMappingProblem(mapping: DirectoryMapping): SettingProblem | undefined {
  const names =
    namesProblem(Role, mapping.roleNames, "roleNames") ??
    namesProblem(Organisation.Post, mapping.postNames, "postNames")
  if (names !== undefined) return names
  for (const [department, posts] of Object.entries(mapping.departmentPosts ?? {})) {
    if (!Array.isArray(posts))
      return { field: `departmentPosts.${department}`, message: "must be a list of posts" }
    for (const [index, post] of posts.entries()) {
      if (!Organisation.Post.is(post))
        return {
          field: `departmentPosts.${department}[${index}]`,
          message: `${JSON.stringify(post)} is not one of ${Organisation.Post.values.join(", ")}`,
        }
    }
  }
  return undefined
}

/**
 * Throws naming the setting when a company's directory mapping is wrong, for adapters whose
 * settings check throws (DingTalk, WeCom); `directoryMappingProblem` for those that return failures.
 */
export function checkDirectoryMapping(host: string, mapping: DirectoryMapping): void {
  const problem = directoryMappingProblem(mapping)
  if (problem !== undefined) throw new TypeError(`${host} ${problem.field} ${problem.message}`)
}
