import { createHash } from "node:crypto"
import { postNameIndex, postsNamed, roleNameIndex, rolesNamed } from "@tixi/adapter-kit"
import { type DepartmentId, departmentId, isWellFormedId, type Person, type PersonId } from "@tixi/core"
import type { ResolvedDirectorySettings } from "../settings/settings.ts"
import type { RawUser } from "../vendor/directory.ts"

/**
 * The department of a user who has none on Salesforce (no role, or an empty Department): a
 * `Person` must name one, and no listed department may claim them, so it is listed nowhere.
 */
export const unassignedDepartment = "salesforce-unassigned"

/** How the directory turns the org's users into tixi people. */
export interface UserMapping {
  /** The department key of a user: the role's DeveloperName (its Id when it has none) or the Department text. */
  readonly departmentKeyOf: (user: RawUser) => string | undefined
  /**
   * The tixi department id of a department key, through `directory.departments`; an unmapped key
   * is its own id when it can be one (role DeveloperNames and Ids always can), and otherwise (a
   * Department text such as 售后服务部) a stable id derived from it: map it to choose a readable one.
   */
  readonly departmentIdOf: (key: string) => DepartmentId
  /** A user as a `Person`, given the Names of the permission sets assigned to them. */
  readonly personOf: (user: RawUser, permissionSets: ReadonlyArray<string>) => Person
}

/**
 * The mapping of users to people: roles and posts from the company's names for the user's role
 * DeveloperName, permission sets and Title, posts also from the department
 * (`departmentPosts`); the locale from LanguageLocaleKey (`zh_*` reads Chinese, anything else
 * English, the two languages tixi labels in).
 */
export function makeUserMapping(
  settings: ResolvedDirectorySettings,
  personOfUser: (userId: unknown) => PersonId | undefined,
): UserMapping {
  const roleIndex = roleNameIndex(settings.roleNames)
  const postIndex = postNameIndex(settings.postNames)
  const idsByKey = new Map(Object.entries(settings.departments).map(([id, key]) => [key, id]))
  const departmentKeyOf = (user: RawUser): string | undefined => {
    if (settings.departmentsFrom === "departmentField") return user.Department?.trim() || undefined
    return user.UserRole?.DeveloperName ?? user.UserRoleId ?? undefined
  }
  const departmentIdOf = (key: string) =>
    departmentId(
      idsByKey.get(key) ??
        (isWellFormedId(key)
          ? key
          : `salesforce-department:${createHash("sha256").update(key).digest("hex").slice(0, 16)}`),
    )
  return {
    departmentKeyOf,
    departmentIdOf,
    personOf: (user, permissionSets) => {
      const key = departmentKeyOf(user)
      const department = key === undefined ? departmentId(unassignedDepartment) : departmentIdOf(key)
      const names = [
        ...(user.UserRole?.DeveloperName ? [user.UserRole.DeveloperName] : []),
        ...permissionSets,
        ...(user.Title ? [user.Title] : []),
      ]
      return {
        id: personOfUser(user.Id)!,
        name: user.Name ?? user.Id,
        roles: rolesNamed(roleIndex, names),
        posts: postsNamed(postIndex, names, settings.departmentPosts, key === undefined ? [] : [department]),
        departmentId: department,
        managerId: personOfUser(user.ManagerId),
        locale: user.LanguageLocaleKey?.startsWith("zh") ? "zh-CN" : "en",
        active: user.IsActive === true,
        accounts: { salesforce: user.Id },
      }
    },
  }
}
