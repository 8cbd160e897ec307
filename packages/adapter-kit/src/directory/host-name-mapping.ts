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
 * What is wrong with a company's mapping, each problem with the setting's path (`directory.postNames.complaintOfficr`):
 * a misspelt post or role would otherwise map nobody and refuse every command claiming it, silently.
 */
export function hostNameMappingProblems(
  mapping: HostNameMapping,
  setting: string,
): ReadonlyArray<{ readonly field: string; readonly message: string }> {
  const problems: Array<{ field: string; message: string }> = []
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
        field: `${setting}.roleNames.${role}`,
        message: `is not a role: ${Role.values.join(", ")}`,
      })
    else names(`${setting}.roleNames.${role}`, value)
  }
  for (const [post, value] of Object.entries(mapping.postNames ?? {})) {
    if (!Organisation.Post.is(post))
      problems.push({ field: `${setting}.postNames.${post}`, message: "is not a post of the catalogue" })
    else names(`${setting}.postNames.${post}`, value)
  }
  for (const [department, posts] of Object.entries(mapping.departmentPosts ?? {})) {
    const field = `${setting}.departmentPosts.${department}`
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
