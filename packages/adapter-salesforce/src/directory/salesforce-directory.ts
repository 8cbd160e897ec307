import { reusedListing, selectPeople, subtreeOf } from "@tixi/adapter-kit"
import { type Department, type DirectoryService, NotFound, type PersonId, PortFailure } from "@tixi/core"
import { Effect } from "effect"
import type { CrmContext } from "../crm/crm-context.ts"
import { isRecordId, keyPrefix, shortId } from "../mapping/record-ids.ts"
import type { RawUser, RawUserRole } from "../vendor/directory.ts"
import { findUser, listAssignments, listRoles, listUsers } from "./directory-queries.ts"
import { makeUserMapping } from "./person-of-user.ts"

/** The org's users, roles and assignments at one moment, reused for `directory.cacheSeconds`. */
interface Snapshot {
  readonly users: ReadonlyArray<RawUser>
  readonly roles: ReadonlyArray<RawUserRole>
  /** User Id (15 characters) → Names of the permission sets assigned to them on purpose. */
  readonly permissionSets: ReadonlyMap<string, ReadonlyArray<string>>
}

/**
 * The `Directory` on a Salesforce org: people are its standard users (active or not), with the
 * tixi roles and posts the company maps from their role, permission sets and Title (see
 * `SalesforceDirectorySettings`), departments its role hierarchy (or the users' Department
 * field). A department's head is the one active user holding its role, and nobody when several
 * do: Salesforce roles say what a user may see, not who leads, and picking one of several holders
 * would hand someone a head's authority by chance. Person ids map to User Ids through
 * `settings.users`; an id that is neither mapped nor a User Id, or a user the org does not have
 * as staff, fails `NotFound`. `person` asks the org every time (the runtime caches briefly), so a
 * post taken away stops counting at once; listings share one snapshot. Failures are the adapter's
 * one error table: an org out of calls or down fails closed with a `PortFailure`, retryable when
 * waiting helps (the concurrent-request limit, 503).
 */
export function makeSalesforceDirectory(context: CrmContext): DirectoryService {
  const { client, settings } = context
  const directory = settings.directory
  const mapping = makeUserMapping(directory, context.personOf)
  const notFound = (operation: string, resource: string, id: string) =>
    new PortFailure({
      port: "Directory",
      operation,
      reason: new NotFound({ resource, id }),
      detail: `${resource} ${id} is not in the Salesforce directory`,
    })
  const namesOf = (
    assignments: ReadonlyArray<{ readonly PermissionSet: { readonly Name: string | null } | null }>,
  ) =>
    assignments.flatMap((assignment) =>
      assignment.PermissionSet?.Name ? [assignment.PermissionSet.Name] : [],
    )

  const load: Effect.Effect<Snapshot, PortFailure> = reusedListing(
    directory.cacheSeconds,
    Effect.gen(function* () {
      const users = yield* listUsers(client)
      const roles = directory.departmentsFrom === "roleHierarchy" ? yield* listRoles(client) : []
      const permissionSets = new Map<string, Array<string>>()
      for (const assignment of yield* listAssignments(client)) {
        const user = shortId(assignment.AssigneeId)
        permissionSets.set(user, [...(permissionSets.get(user) ?? []), ...namesOf([assignment])])
      }
      return { users, roles, permissionSets }
    }),
  )
  const personIn = (loaded: Snapshot, user: RawUser) =>
    mapping.personOf(user, loaded.permissionSets.get(shortId(user.Id)) ?? [])

  const roleKey = (role: RawUserRole) => role.DeveloperName ?? role.Id
  const departmentsIn = (loaded: Snapshot): ReadonlyArray<Department> => {
    if (directory.departmentsFrom === "departmentField") {
      const names = [...new Set(loaded.users.flatMap((user) => mapping.departmentKeyOf(user) ?? []))]
      return names.map((name) => ({
        id: mapping.departmentIdOf(name),
        name,
        parentId: undefined,
        headId: undefined,
      }))
    }
    const byId = new Map(loaded.roles.map((role) => [shortId(role.Id), role]))
    const holdersByRole = new Map<string, Array<RawUser>>()
    for (const user of loaded.users) {
      if (!user.IsActive || user.UserRoleId === null) continue
      const role = shortId(user.UserRoleId)
      holdersByRole.set(role, [...(holdersByRole.get(role) ?? []), user])
    }
    return loaded.roles.map((role) => {
      const parent = role.ParentRoleId === null ? undefined : byId.get(shortId(role.ParentRoleId))
      const holders = holdersByRole.get(shortId(role.Id)) ?? []
      return {
        id: mapping.departmentIdOf(roleKey(role)),
        name: role.Name ?? roleKey(role),
        parentId: parent === undefined ? undefined : mapping.departmentIdOf(roleKey(parent)),
        headId: holders.length === 1 ? (context.personOf(holders[0]!.Id) as PersonId) : undefined,
      }
    })
  }
  /** The users within a department and below it. */
  const usersWithin = (loaded: Snapshot, id: string): ReadonlyArray<RawUser> => {
    if (directory.departmentsFrom === "departmentField")
      return loaded.users.filter((user) => {
        const key = mapping.departmentKeyOf(user)
        return key !== undefined && mapping.departmentIdOf(key) === id
      })
    const top = loaded.roles.find((role) => mapping.departmentIdOf(roleKey(role)) === id)
    if (top === undefined) return []
    const within = subtreeOf(
      shortId(top.Id),
      loaded.roles.map((role) => ({
        id: shortId(role.Id),
        parentId: role.ParentRoleId === null ? undefined : shortId(role.ParentRoleId),
      })),
    )
    return loaded.users.filter((user) => user.UserRoleId !== null && within.has(shortId(user.UserRoleId)))
  }

  return {
    host: "salesforce",
    person: (id) =>
      Effect.gen(function* () {
        const userId = settings.users[id] ?? id
        if (!isRecordId(userId) || keyPrefix(userId) !== "005") return yield* notFound("person", "User", id)
        const user = yield* findUser(client, userId)
        if (user === undefined) return yield* notFound("person", "User", id)
        return mapping.personOf(user, namesOf(yield* listAssignments(client, user.Id)))
      }),
    people: (query) =>
      Effect.map(load, (loaded) =>
        selectPeople(
          (query.departmentId === undefined ? loaded.users : usersWithin(loaded, query.departmentId)).map(
            (user) => personIn(loaded, user),
          ),
          query,
        ),
      ),
    department: (id) =>
      Effect.flatMap(load, (loaded) => {
        const found = departmentsIn(loaded).find((department) => department.id === id)
        return found === undefined
          ? Effect.fail(notFound("department", "department", id))
          : Effect.succeed(found)
      }),
    departments: () => Effect.map(load, departmentsIn),
  }
}
