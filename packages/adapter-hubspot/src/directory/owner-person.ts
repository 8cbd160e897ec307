import {
  type DirectoryMapping,
  type IdMapping,
  postNameIndex,
  postsNamed,
  roleNameIndex,
  rolesNamed,
} from "@tixi/adapter-kit"
import { type Locale, type Person, personId } from "@tixi/core"
import type { HubSpotOwner } from "../vendor/schemas.ts"
import { departmentIdOfTeam, noTeamDepartmentId } from "./team-department.ts"

/**
 * How an owner becomes a person: roles and posts from the company's mapping, read against the
 * owner's team names and email (HubSpot gives owners no title or role), departments from teams.
 */
export function makeOwnerPerson(
  mapping: DirectoryMapping,
  ids: IdMapping,
  locale: Locale,
): (owner: HubSpotOwner) => Person {
  const roles = roleNameIndex(mapping.roleNames)
  const posts = postNameIndex(mapping.postNames)
  return (owner) => {
    const teams = owner.teams ?? []
    const hostNames = [...teams.map((team) => team.name), ...(owner.email ? [owner.email] : [])]
    const main = teams.find((team) => team.primary) ?? teams[0]
    return {
      id: personId(ids.personIdOf(owner.id)),
      name: nameOf(owner, locale),
      roles: rolesNamed(roles, hostNames),
      posts: postsNamed(
        posts,
        hostNames,
        mapping.departmentPosts,
        teams.map((team) => departmentIdOfTeam(team.id, ids)),
      ),
      departmentId: main === undefined ? noTeamDepartmentId : departmentIdOfTeam(main.id, ids),
      // HubSpot owners have no manager.
      managerId: undefined,
      locale,
      active: !owner.archived,
      accounts: { hubspot: owner.id },
    }
  }
}

/** The owner's name as staff write it: family name first in Chinese (钱 + 经理), given name first in English. */
function nameOf(owner: HubSpotOwner, locale: Locale): string {
  const first = owner.firstName?.trim() ?? ""
  const last = owner.lastName?.trim() ?? ""
  const name = locale === "zh-CN" ? `${last}${first}` : [first, last].filter((part) => part !== "").join(" ")
  return name !== "" ? name : (owner.email ?? owner.id)
}
