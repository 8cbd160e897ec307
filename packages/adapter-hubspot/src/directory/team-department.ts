import type { IdMapping } from "@tixi/adapter-kit"
import { type Department, departmentId } from "@tixi/core"

/**
 * The department of owners in no team: HubSpot has no root team, yet every person needs a
 * department. `department` answers it; `departments` lists only real teams.
 */
export const noTeamDepartmentId = departmentId("hubspot-no-team")

/** The department standing for owners in no team. */
export const noTeamDepartment: Department = {
  id: noTeamDepartmentId,
  name: "未分配团队 (no team)",
  parentId: undefined,
  headId: undefined,
}

/**
 * A HubSpot team as a department. HubSpot's API gives a team neither a parent team nor a lead
 * (the settings users API's `PublicTeam` has id, name and members only), so the parent is the one
 * the company configures (`teamParents`, else none) and `headId` is always undefined.
 */
export const departmentOfTeam = (
  team: { readonly id: string; readonly name: string },
  ids: IdMapping,
  teamParents: Readonly<Record<string, string>>,
): Department => {
  const id = departmentIdOfTeam(team.id, ids)
  const parent = teamParents[id]
  return {
    id,
    name: team.name,
    parentId: parent === undefined ? undefined : departmentId(parent),
    headId: undefined,
  }
}

/** The tixi department id of a HubSpot team id (numeric, as HubSpot issues them), through the id mapping. */
export const departmentIdOfTeam = (teamId: string, ids: IdMapping) =>
  departmentId(/^\d+$/.test(teamId) ? ids.departmentIdOf(Number(teamId)) : teamId)
