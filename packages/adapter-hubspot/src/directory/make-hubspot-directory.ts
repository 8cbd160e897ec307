import { reusedListing, selectPeople, subtreeOf } from "@tixi/adapter-kit"
import type { DepartmentId, DirectoryService, Person, PersonId, PortFailure } from "@tixi/core"
import { Effect } from "effect"
import type { Gateway } from "../gateway/gateway.ts"
import { listTeams } from "../operations/list-teams.ts"
import { readOwner } from "../operations/read-owner.ts"
import type { HubSpotOwner } from "../vendor/schemas.ts"
import { asDirectoryFailure, directoryNotFound } from "./directory-failure.ts"
import { listAllOwners } from "./list-all-owners.ts"
import { makeOwnerPerson } from "./owner-person.ts"
import { departmentIdOfTeam, departmentOfTeam, noTeamDepartment } from "./team-department.ts"

/**
 * The directory on a HubSpot portal's owners and teams. People are the owners of
 * `GET /crm/v3/owners` (queues are not people; archived owners are inactive), departments the
 * teams of `GET /settings/v3/users/teams`. HubSpot's API has no parent team, team lead or
 * manager, so `headId` and `managerId` are undefined and a team's parent is the company's
 * `teamParents` (a department query reaches the teams below it through them). Roles and posts
 * come from the company's mapping over team names and owner emails (`roleNames`, `postNames`,
 * `departmentPosts`). Ids go through `settings.ids`
 * (tixi person ↔ owner id, tixi department ↔ team id). Listings are reused for
 * `directoryCacheSeconds`; `person` always asks HubSpot. Every failure is the port's
 * `PortFailure`: 429 and 5xx retryable after the gateway's own retries, so an outage fails a
 * command closed. Scopes: `crm.objects.owners.read`, and `settings.users.teams.read` for departments.
 */
export function makeHubSpotDirectory(gateway: Gateway): DirectoryService {
  const { settings } = gateway
  const { ids } = settings
  const personOf = makeOwnerPerson(settings.mapping, ids, settings.language)
  const owners = reusedListing(
    settings.directoryCacheSeconds,
    Effect.mapError(listAllOwners(gateway), asDirectoryFailure),
  )
  const teams = reusedListing(
    settings.directoryCacheSeconds,
    Effect.mapError(listTeams(gateway), asDirectoryFailure),
  )
  const isPerson = (owner: HubSpotOwner) => owner.type !== "QUEUE"

  /** The owner by owner id, active first, then among the archived. */
  const ownerById = (ownerId: string): Effect.Effect<HubSpotOwner, PortFailure> =>
    readOwner(gateway, ownerId, false).pipe(
      Effect.catchIf(
        (failure) => failure.reason._tag === "NotFound",
        () => readOwner(gateway, ownerId, true),
      ),
      Effect.mapError(asDirectoryFailure),
    )

  const person = (id: PersonId): Effect.Effect<Person, PortFailure> => {
    const ownerId = ids.userIdOf(id)
    // Owner ids are numbers; anything else names no owner, and is not sent to HubSpot.
    if (!/^\d+$/.test(ownerId)) return Effect.fail(directoryNotFound("person", "owner", id))
    return Effect.flatMap(ownerById(ownerId), (owner) =>
      isPerson(owner)
        ? Effect.succeed(personOf(owner))
        : Effect.fail(directoryNotFound("person", "owner", id)),
    )
  }

  const teamIdOf = (id: DepartmentId): Effect.Effect<string, PortFailure> =>
    Effect.try({ try: () => String(ids.deptIdOf(id)), catch: (failure) => failure as PortFailure })
  const parentLinks = Object.entries(settings.teamParents).map(([id, parentId]) => ({ id, parentId }))

  return {
    host: "hubspot",
    person,
    people: (query) =>
      Effect.gen(function* () {
        let within: ReadonlySet<string> | undefined
        if (query.departmentId !== undefined) {
          // A department that names no team fails here, naming it, rather than matching nobody.
          yield* teamIdOf(query.departmentId)
          within = subtreeOf<string>(query.departmentId, parentLinks)
        }
        const listed = (yield* owners).filter(
          (owner) =>
            isPerson(owner) &&
            (within === undefined ||
              (owner.teams ?? []).some((team) => within.has(departmentIdOfTeam(team.id, ids)))),
        )
        return selectPeople(listed.map(personOf), query)
      }),
    department: (id) =>
      Effect.gen(function* () {
        if (id === noTeamDepartment.id) return noTeamDepartment
        const teamId = yield* teamIdOf(id)
        const team = (yield* teams).find((candidate) => candidate.id === teamId)
        if (team === undefined) return yield* Effect.fail(directoryNotFound("department", "team", id))
        return departmentOfTeam(team, ids, settings.teamParents)
      }),
    departments: () =>
      Effect.map(teams, (listed) => listed.map((team) => departmentOfTeam(team, ids, settings.teamParents))),
  }
}
