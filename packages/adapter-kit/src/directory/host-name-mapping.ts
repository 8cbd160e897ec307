import { Organisation, Role } from "@tixi/core"

/** A post (岗位) of the handbooks, by its stable id. */
type Post = Organisation.Post

/**
 * How a company says which host names (a role, a title, a tag, a permission set) mean which tixi
 * roles and posts, and which departments give everyone in them a post: the settings every
 * directory adapter takes.
 */
export interface HostNameMapping {
  /** Host names that mean each tixi role; default the role's Chinese label. */
  readonly roleNames?: Partial<Record<Role, ReadonlyArray<string>>>
  /** Host names that mean each post (岗位); default the post's Chinese label. */
  readonly postNames?: Partial<Record<Post, ReadonlyArray<string>>>
  /** Posts the company gives everyone in a department, by tixi department id. */
  readonly departmentPosts?: Readonly<Record<string, ReadonlyArray<Post>>>
}

/**
 * What is wrong with a company's mapping, each problem with its path below `setting`
 * (`directory.postNames.complaintOfficr`): a misspelt post or role would otherwise map nobody and
 * refuse every command claiming it, silently.
 */
export function hostNameMappingProblems(
  mapping: HostNameMapping,
  setting?: string,
): ReadonlyArray<{ readonly field: string; readonly message: string }> {
  const problems: Array<{ field: string; message: string }> = []
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
      problems.push({
        field: at(`roleNames.${role}`),
        message: `is not a role: ${Role.values.join(", ")}`,
      })
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

/**
 * Checks a mapping the way the approval adapters check their settings (a `TypeError` naming the
 * host and the setting), for DingTalk and WeCom, whose settings take the mapping at the top level.
 */
export function checkHostNameMapping(host: string, mapping: HostNameMapping): void {
  const problem = hostNameMappingProblems(mapping)[0]
  if (problem !== undefined) throw new TypeError(`${host} ${problem.field} ${problem.message}`)
}
