import type { PortFailure } from "@tixi/core"
import { Effect } from "effect"
import type { SalesforceClient } from "../client/salesforce-client.ts"
import { queryAll, soqlString } from "../operations/rest/query.ts"
import type { RawPermissionSetAssignment, RawUser, RawUserRole } from "../vendor/directory.ts"

/**
 * The User fields a `Person` is made of. Email is not read: a `Person` has no place for it, and
 * tixi does not fetch personal data it does not use.
 */
const userFields =
  "Id, Name, IsActive, UserRoleId, UserRole.DeveloperName, ManagerId, Department, Title, LanguageLocaleKey, UserType"

/** Only employees: portal, community, guest and Chatter-only users are never staff acting in a post. */
const staffOnly = "UserType = 'Standard'"

/** Assignments an administrator made, not the one every profile carries for its own permissions. */
const assignedOnPurpose = "PermissionSet.IsOwnedByProfile = false"

// Every query follows `nextRecordsUrl` until `done` (`queryAll`), so an org of any size is read whole.
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_query.htm

/** Every standard user, active or not (a query for inactive people must be able to list them). */
export const listUsers = (client: SalesforceClient): Effect.Effect<ReadonlyArray<RawUser>, PortFailure> =>
  Effect.map(
    queryAll(client, `SELECT ${userFields} FROM User WHERE ${staffOnly} ORDER BY Id`, {
      port: "Directory",
      operation: "people",
    }),
    (rows) => rows as ReadonlyArray<RawUser>,
  )

/** One standard user by Id, or undefined when the org has none (or it is not staff). */
export const findUser = (
  client: SalesforceClient,
  userId: string,
): Effect.Effect<RawUser | undefined, PortFailure> =>
  Effect.map(
    queryAll(client, `SELECT ${userFields} FROM User WHERE Id = ${soqlString(userId)} AND ${staffOnly}`, {
      port: "Directory",
      operation: "person",
    }),
    (rows) => rows[0] as RawUser | undefined,
  )

/** The whole role hierarchy. */
export const listRoles = (client: SalesforceClient): Effect.Effect<ReadonlyArray<RawUserRole>, PortFailure> =>
  Effect.map(
    queryAll(client, "SELECT Id, Name, DeveloperName, ParentRoleId FROM UserRole ORDER BY Id", {
      port: "Directory",
      operation: "departments",
    }),
    (rows) => rows as ReadonlyArray<RawUserRole>,
  )

/** The permission sets assigned on purpose, to everyone or (with `userId`) to one user. */
export const listAssignments = (
  client: SalesforceClient,
  userId?: string,
): Effect.Effect<ReadonlyArray<RawPermissionSetAssignment>, PortFailure> =>
  Effect.map(
    queryAll(
      client,
      `SELECT AssigneeId, PermissionSet.Name FROM PermissionSetAssignment WHERE ${assignedOnPurpose}${
        userId === undefined ? "" : ` AND AssigneeId = ${soqlString(userId)}`
      } ORDER BY AssigneeId`,
      { port: "Directory", operation: userId === undefined ? "people" : "person" },
    ),
    (rows) => rows as ReadonlyArray<RawPermissionSetAssignment>,
  )
