import { type HostAudienceFilter, makeHostAudienceFilter } from "@tixi/adapter-kit"
import { InvalidRequest, NotFound, type PersonId, PortFailure, personId } from "@tixi/core"
import { Effect } from "effect"
import type { SalesforceClient } from "../client/salesforce-client.ts"
import { getIdentity } from "../operations/rest/get-identity.ts"
import { queryAll, soqlString } from "../operations/rest/query.ts"
import type { ResolvedSettings } from "../settings/settings.ts"
import type { WriteCostModel } from "../writes/write-plan.ts"
import { type FieldCatalog, makeFieldCatalog } from "./field-catalog.ts"

/** A Case status value and whether it counts as closed (from the org's `CaseStatus`). */
export interface CaseStatusValue {
  readonly apiName: string
  readonly isClosed: boolean
  readonly isDefault: boolean
}

/** What every CRM operation shares: the client, settings, field catalog and cached org facts. */
export interface CrmContext {
  readonly client: SalesforceClient
  readonly settings: ResolvedSettings
  readonly catalog: FieldCatalog
  /** What the org's users may read: the one filter every write and install asks. */
  readonly audience: HostAudienceFilter
  readonly costModel: WriteCostModel
  /** The org's Case statuses, read once. */
  readonly caseStatuses: Effect.Effect<ReadonlyArray<CaseStatusValue>, PortFailure>
  /** Who tixi is signed in as, read once: the integration user (its writes are tixi's) and the org. */
  readonly identity: Effect.Effect<{ readonly userId: string; readonly organizationId: string }, PortFailure>
  /** The integration user's id (its writes are tixi's). */
  readonly integrationUserId: Effect.Effect<string, PortFailure>
  /** The Person Account record type id, when the org has Person Accounts. */
  readonly personAccountRecordType: Effect.Effect<string | undefined, PortFailure>
  /** The Salesforce User Id of a tixi person; InvalidRequest naming `field` when unmapped. */
  readonly userIdOf: (
    person: PersonId,
    field: string,
    operation: string,
  ) => Effect.Effect<string, PortFailure>
  /** The tixi person of a User Id (the User Id itself when unmapped, so nothing is lost). */
  readonly personOf: (userId: unknown) => PersonId | undefined
  /** The record Id with an external key, or undefined. */
  readonly idByKey: (
    object: string,
    key: string,
    operation: string,
  ) => Effect.Effect<string | undefined, PortFailure>
  /**
   * Cases staff opened that this adapter has seen carry tixi's key, by their 15-character id: a
   * complaint names the Case it took over on every write, and once it is known keyed the write goes
   * straight to the upsert by key. After a restart it is checked once again.
   */
  readonly adoptedCases: Map<string, string>
  readonly notFound: (operation: string, resource: string, id: string) => PortFailure
  readonly invalid: (operation: string, field: string, message: string) => PortFailure
}

const once = <A, E>(effect: Effect.Effect<A, E>): Effect.Effect<A, E> => {
  let cached: A | undefined
  let done = false
  return Effect.suspend(() =>
    done
      ? Effect.succeed(cached as A)
      : Effect.tap(effect, (value) =>
          Effect.sync(() => {
            cached = value
            done = true
          }),
        ),
  )
}

/** Builds the shared context. */
export const makeCrmContext = (client: SalesforceClient): CrmContext => {
  const settings = client.settings
  const reverseUsers = new Map(
    Object.entries(settings.users).map(([person, user]) => [user.slice(0, 15), person]),
  )
  const notFound = (operation: string, resource: string, id: string) =>
    new PortFailure({
      port: "HostCrm",
      operation,
      reason: new NotFound({ resource, id }),
      detail: `${resource} ${id} does not exist`,
    })
  const invalid = (operation: string, field: string, message: string) =>
    new PortFailure({
      port: "HostCrm",
      operation,
      reason: new InvalidRequest({ fields: [{ field, message }] }),
      detail: `${field}: ${message}`,
    })
  const identity = once(getIdentity(client))
  const audience = makeHostAudienceFilter(settings.audience, [], settings.accessPolicy)
  return {
    client,
    settings,
    catalog: makeFieldCatalog(client, settings.fieldMap, audience),
    audience,
    costModel: {
      bulkRecordsPerSecond: 1_000,
      pollInitialMillis: settings.bulkPolling.initialMillis,
      pollMaxMillis: settings.bulkPolling.maxMillis,
      bulkThreshold: settings.bulkThreshold,
      bulkUploadMaxBytes: settings.bulkUploadMaxBytes,
    },
    caseStatuses: once(
      Effect.map(
        queryAll(
          client,
          // https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_casestatus.htm
          "SELECT ApiName, IsClosed, IsDefault, SortOrder FROM CaseStatus ORDER BY SortOrder",
          { operation: "caseStatuses" },
        ),
        (rows) =>
          rows.map((row) => ({
            apiName: String(row.ApiName),
            isClosed: row.IsClosed === true,
            isDefault: row.IsDefault === true,
          })),
      ),
    ),
    identity,
    integrationUserId: Effect.map(identity, (found) => found.userId),
    personAccountRecordType: once(
      settings.personAccounts
        ? Effect.map(
            queryAll(
              client,
              // https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_recordtype.htm
              "SELECT Id FROM RecordType WHERE SobjectType = 'Account' AND IsPersonType = true",
              { operation: "personAccounts" },
            ),
            (rows) => rows[0]?.Id,
          )
        : Effect.succeed(undefined),
    ),
    userIdOf: (person, field, operation) => {
      const user =
        settings.users[person] ?? (/^005[A-Za-z0-9]{12}([A-Za-z0-9]{3})?$/.test(person) ? person : undefined)
      return user === undefined
        ? Effect.fail(invalid(operation, field, `${person} has no Salesforce user; map it in settings.users`))
        : Effect.succeed(user)
    },
    personOf: (userId) => {
      if (typeof userId !== "string" || userId === "") return undefined
      return personId(reverseUsers.get(userId.slice(0, 15)) ?? userId)
    },
    idByKey: (object, key, operation) =>
      Effect.map(
        queryAll(
          client,
          // https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select.htm
          `SELECT Id FROM ${object} WHERE ${settings.externalIdField} = ${soqlString(key)} LIMIT 1`,
          { operation },
        ),
        (rows) => rows[0]?.Id,
      ),
    adoptedCases: new Map(),
    notFound,
    invalid,
  }
}
