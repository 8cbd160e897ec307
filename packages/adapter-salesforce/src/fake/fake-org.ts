import { createPublicKey, type KeyObject } from "node:crypto"
import { isRecordId, shortId } from "../mapping/record-ids.ts"
import type { RawChangeEventHeader } from "../vendor/rest.ts"
import { FakeRecordError, FakeRequestError } from "./org-errors.ts"
import { makeRecordId } from "./record-ids.ts"
import { type FakeField, type FakeObjectDefinition, standardObjects } from "./schema.ts"
import { compareValues, matches, parseSoql, SoqlSyntaxError } from "./soql.ts"

/** A stored record: field values by their canonical API names. */
export type FakeRecord = Record<string, unknown>

/** How slow the fake org is, so benchmarks compare paths as a real org would make them differ. */
export interface LatencyModel {
  /** Milliseconds every REST call takes on the server (network round trip included). */
  readonly perRequestMillis: number
  /** Extra milliseconds per record written in a synchronous call (collections, single upserts). */
  readonly perRecordMillis: number
  /** Records a Bulk API 2.0 job processes per second once it is closed. */
  readonly bulkRecordsPerSecond: number
}

/** A connected app set up for the JWT bearer flow. */
export interface FakeConnectedApp {
  readonly clientId: string
  /** The certificate's public key (PEM) the app verifies assertions with. */
  readonly publicKeyPem: string
}

/** An Approval Process as defined in Setup, in the terms the fake needs. */
export interface FakeApprovalProcess {
  /** The unique name (`processDefinitionNameOrId`). */
  readonly name: string
  readonly object: string
  readonly steps: ReadonlyArray<{
    readonly name: string
    /** Approvers from related user fields on the record (the usual way to route dynamically). */
    readonly approverFields?: ReadonlyArray<string>
    /** Approvers fixed in Setup. */
    readonly approvers?: ReadonlyArray<string>
    /** "Let the submitter choose the approver manually": takes `nextApproverIds`. */
    readonly submitterChooses?: boolean
    /** Require unanimous approval from all approvers (otherwise the first response decides). */
    readonly unanimous: boolean
  }>
}

/** Options of a fake org. */
export interface FakeOrgOptions {
  readonly instanceUrl?: string
  readonly loginUrl?: string
  /** The org's rolling 24-hour API allocation and what is already used. */
  readonly apiAllocation?: { readonly max: number; readonly used?: number }
  /** SOQL batch size before `nextRecordsUrl` (the org uses 2,000; tests use less). */
  readonly queryBatchSize?: number
  readonly personAccounts?: boolean
  readonly connectedApp?: FakeConnectedApp
  /** Users of the org by username; the first is the integration user. */
  readonly users?: ReadonlyArray<{ readonly username: string; readonly name: string }>
  readonly latency?: Partial<LatencyModel>
  /** The newest API version the org serves (older versions down to 31.0 work too). */
  readonly latestApiVersion?: string
  /** The clock (default `Date.now`); SystemModstamp has whole seconds, as in a real org. */
  readonly now?: () => number
  /**
   * The most one Bulk API 2.0 upload may carry once base64-encoded (the org's is 150 MB); tests
   * lower it to see a large write split without sending 150 MB.
   */
  readonly bulkUploadLimitBase64Bytes?: number
}

/** A change event as Change Data Capture publishes it. */
export interface FakeChangeEvent {
  readonly replayId: number
  readonly header: RawChangeEventHeader
  readonly fields: Readonly<Record<string, unknown>>
}

interface ObjectStore {
  readonly definition: FakeObjectDefinition
  readonly byLowerName: Map<string, FakeField>
  readonly records: Map<string, FakeRecord>
}

/** A Bulk API 2.0 ingest job in the fake org. */
export interface FakeBulkJob {
  readonly id: string
  readonly object: string
  readonly operation: "insert" | "update" | "upsert"
  readonly externalIdFieldName: string | undefined
  state: "Open" | "UploadComplete" | "InProgress" | "JobComplete" | "Failed" | "Aborted"
  data: string
  closedAt: number | undefined
  readonly client: string
  readonly actor: string
  successful: Array<Record<string, string>>
  failed: Array<Record<string, string>>
  unprocessed: Array<Record<string, string>>
  processed: number
  header: Array<string>
  errorMessage: string | null
}

/** A caller of the org: who is acting and which client name its call options carried. */
export interface Caller {
  readonly userId: string
  /** The `Sforce-Call-Options: client=` value, or undefined for the UI. */
  readonly client: string | undefined
  readonly apiVersion: string
}

const pad = (value: number, width = 2) => String(value).padStart(width, "0")

/** A datetime as the REST API writes it: `2026-01-05T08:30:00.000+0000`. */
export const formatDateTime = (millis: number) => {
  const date = new Date(millis)
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}.000+0000`
}

/**
 * A Salesforce org in memory: the standard objects tixi uses, custom fields created through the
 * Tooling API, records with the org's validation (required fields, restricted picklists, external
 * ids, lengths, references), SOQL with paging, Bulk API 2.0 jobs, Approval Processes, Change Data
 * Capture events, the API allocation and sessions. The REST surface is in `rest-handler.ts`.
 */
export class FakeSalesforceOrg {
  readonly instanceUrl: string
  readonly loginUrl: string
  readonly orgId = "00D5g00000TiXiAEAV"
  readonly personAccounts: boolean
  readonly queryBatchSize: number
  readonly latestApiVersion: string
  readonly latency: LatencyModel
  readonly integrationUserId: string
  readonly usersByName = new Map<string, string>()
  readonly sessions = new Map<string, string>()
  readonly changeEvents: Array<FakeChangeEvent> = []
  readonly bulkJobs = new Map<string, FakeBulkJob>()
  readonly approvalProcesses = new Map<
    string,
    FakeApprovalProcess & { readonly definitionId: string; readonly nodeIds: ReadonlyArray<string> }
  >()
  readonly customFields = new Map<
    string,
    {
      Id: string
      DeveloperName: string
      TableEnumOrId: string
      FullName: string
      Metadata: Record<string, unknown>
    }
  >()
  readonly queryCursors = new Map<string, { rows: Array<FakeRecord>; position: number; total: number }>()
  readonly connectedApp: { readonly clientId: string; readonly publicKey: KeyObject } | undefined
  apiUsed: number
  apiMax: number
  /** Calls answered per resource kind, for reports (`sobjects`, `composite`, `bulk`, `query`, …). */
  readonly callsByKind = new Map<string, number>()
  /** Replies forced on the next requests (fault injection): status and error body. */
  readonly forcedReplies: Array<{ status: number; errorCode: string; message: string }> = []
  /** While true, closed Bulk jobs stay InProgress (to test resuming a job that outlives a poll). */
  holdBulkJobs = false
  /** The most one Bulk upload may carry once base64-encoded (`FakeOrgOptions`). */
  readonly bulkUploadLimitBase64Bytes: number
  /** A Bulk job stops as Failed after this many records; the rest are unprocessed. */
  bulkFailAfterRecords: number | undefined
  readonly now: () => number
  private readonly stores = new Map<string, ObjectStore>()
  /** Record ids (15-character form) to their object, so lookups by id do not scan. */
  private readonly objectById = new Map<string, string>()
  /** External-id indexes: object → field → lower-cased value → ids. */
  private readonly keyIndex = new Map<string, Map<string, Map<string, Set<string>>>>()
  private sequence = 0
  private replay = 0
  private caseNumber = 1000
  private transaction = 0

  constructor(options: FakeOrgOptions = {}) {
    this.instanceUrl = options.instanceUrl ?? "https://tixi-test.my.salesforce.com"
    this.loginUrl = options.loginUrl ?? "https://login.salesforce.com"
    this.personAccounts = options.personAccounts ?? false
    this.queryBatchSize = options.queryBatchSize ?? 2_000
    this.latestApiVersion = options.latestApiVersion ?? "66.0"
    this.bulkUploadLimitBase64Bytes = options.bulkUploadLimitBase64Bytes ?? 150_000_000
    this.latency = {
      perRequestMillis: options.latency?.perRequestMillis ?? 0,
      perRecordMillis: options.latency?.perRecordMillis ?? 0,
      bulkRecordsPerSecond: options.latency?.bulkRecordsPerSecond ?? Number.POSITIVE_INFINITY,
    }
    this.now = options.now ?? Date.now
    this.apiMax = options.apiAllocation?.max ?? 100_000
    this.apiUsed = options.apiAllocation?.used ?? 0
    this.connectedApp = options.connectedApp
      ? {
          clientId: options.connectedApp.clientId,
          publicKey: createPublicKey(options.connectedApp.publicKeyPem),
        }
      : undefined
    for (const definition of standardObjects({ personAccounts: this.personAccounts })) {
      this.stores.set(definition.name.toLowerCase(), {
        definition,
        byLowerName: new Map(definition.fields.map((field) => [field.name.toLowerCase(), field])),
        records: new Map(),
      })
    }
    const users = options.users ?? [{ username: "integration@tixi.example", name: "tixi Integration" }]
    let integration = ""
    for (const user of users) {
      const id = this.addUser(user.username, { Name: user.name })
      if (integration === "") integration = id
    }
    this.integrationUserId = integration
    const statuses: ReadonlyArray<[string, boolean, boolean]> = [
      ["New", false, true],
      ["Working", false, false],
      ["Escalated", false, false],
      ["Closed", true, false],
    ]
    for (const [index, [label, closed, isDefault]] of statuses.entries()) {
      this.systemInsert("CaseStatus", {
        MasterLabel: label,
        ApiName: label,
        IsClosed: closed,
        IsDefault: isDefault,
        SortOrder: index + 1,
      })
    }
    if (this.personAccounts) {
      this.systemInsert("RecordType", {
        DeveloperName: "PersonAccount",
        SobjectType: "Account",
        IsPersonType: true,
      })
    }
    this.systemInsert("PermissionSet", {
      Name: "Admin_Profile_Set",
      Label: "System Administrator",
      IsOwnedByProfile: true,
    })
  }

  /** A new id for an object. */
  nextId(prefix: string): string {
    this.sequence += 1
    return makeRecordId(prefix, this.sequence)
  }

  /** Starts a session for a user (what the token endpoint hands out). */
  openSession(userId = this.integrationUserId): string {
    const token = `00D5g00000TiXi!${this.nextId("sess").slice(3)}${Math.random().toString(36).slice(2, 10)}`
    this.sessions.set(token, userId)
    return token
  }

  /** Every session expires (the org's session timeout passed, or an admin revoked them). */
  expireSessions(): void {
    this.sessions.clear()
  }

  /** The store of an object, or INVALID_TYPE as the org answers for an unknown sObject. */
  store(name: string): ObjectStore {
    const store = this.stores.get(name.toLowerCase())
    if (!store)
      throw new FakeRequestError(
        404,
        "NOT_FOUND",
        `The requested resource does not exist: sObject type '${name}' is not supported.`,
      )
    return store
  }

  /** Whether an object exists. */
  hasObject(name: string): boolean {
    return this.stores.has(name.toLowerCase())
  }

  /** The field of an object, or undefined. */
  fieldOf(object: string, name: string): FakeField | undefined {
    return this.store(object).byLowerName.get(name.toLowerCase())
  }

  /** Adds a custom field (what a Tooling `CustomField` create does). */
  addField(object: string, field: FakeField): void {
    const store = this.store(object)
    store.definition.fields.push(field)
    store.byLowerName.set(field.name.toLowerCase(), field)
  }

  /** The record with an id, searching every object, or undefined. */
  findById(id: string): { object: string; record: FakeRecord } | undefined {
    if (!isRecordId(id)) return undefined
    const object = this.objectById.get(shortId(id))
    if (!object) return undefined
    const store = this.store(object)
    const record = store.records.get(this.canonicalIds.get(shortId(id))!)
    return record ? { object: store.definition.name, record } : undefined
  }

  private readonly canonicalIds = new Map<string, string>()

  private remember(object: string, record: FakeRecord): void {
    const id = String(record.Id)
    this.objectById.set(shortId(id), object)
    this.canonicalIds.set(shortId(id), id)
  }

  /** Records whose external-id field holds `value` (any case), through the index. */
  private byKey(object: string, field: string, value: unknown): Array<FakeRecord> {
    const ids = this.keyIndex.get(object)?.get(field.toLowerCase())?.get(String(value).toLowerCase())
    const store = this.store(object)
    return [...(ids ?? [])].map((id) => store.records.get(id)!).filter((record) => record.IsDeleted !== true)
  }

  private index(object: string, before: FakeRecord | undefined, after: FakeRecord): void {
    for (const field of this.store(object).definition.fields) {
      if (!field.externalId && !field.unique) continue
      const byField = this.keyIndex.get(object) ?? new Map<string, Map<string, Set<string>>>()
      this.keyIndex.set(object, byField)
      const values = byField.get(field.name.toLowerCase()) ?? new Map<string, Set<string>>()
      byField.set(field.name.toLowerCase(), values)
      const old = before?.[field.name]
      if (old !== undefined && old !== null) values.get(String(old).toLowerCase())?.delete(String(after.Id))
      const next = after[field.name]
      if (next !== undefined && next !== null) {
        const key = String(next).toLowerCase()
        values.set(key, (values.get(key) ?? new Set()).add(String(after.Id)))
      }
    }
  }

  /** Live (not deleted) records of an object. */
  records(object: string): Array<FakeRecord> {
    return [...this.store(object).records.values()].filter((record) => record.IsDeleted !== true)
  }

  /** Counts a call against the allocation; fails REQUEST_LIMIT_EXCEEDED when none remain. */
  countCall(kind: string): void {
    const forced = this.forcedReplies.shift()
    if (forced) throw new FakeRequestError(forced.status, forced.errorCode, forced.message)
    if (this.apiUsed >= this.apiMax) {
      throw new FakeRequestError(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.")
    }
    this.apiUsed += 1
    this.callsByKind.set(kind, (this.callsByKind.get(kind) ?? 0) + 1)
  }

  /** The `Sforce-Limit-Info` header value. */
  limitInfo(): string {
    return `api-usage=${this.apiUsed}/${this.apiMax}`
  }

  private stamp(): string {
    return formatDateTime(Math.floor(this.now() / 1000) * 1000)
  }

  private systemInsert(object: string, values: FakeRecord): string {
    const store = this.store(object)
    const id = this.nextId(store.definition.keyPrefix)
    const stamp = this.stamp()
    const record: FakeRecord = {
      Id: id,
      IsDeleted: false,
      CreatedDate: stamp,
      LastModifiedDate: stamp,
      SystemModstamp: stamp,
      CreatedById: this.integrationUserId || id,
      LastModifiedById: this.integrationUserId || id,
      ...values,
    }
    store.records.set(id, record)
    this.remember(store.definition.name, record)
    this.index(store.definition.name, undefined, record)
    return id
  }

  /**
   * Adds a user as an administrator does in Setup, where the licence (`UserType`, default
   * `Standard`), role, title and language are set; later calls find it by username.
   */
  addUser(username: string, values: FakeRecord = {}): string {
    const id = this.systemInsert("User", {
      Username: username,
      Name: username,
      IsActive: true,
      UserType: "Standard",
      LanguageLocaleKey: "en_US",
      UserRoleId: null,
      ManagerId: null,
      Department: null,
      Title: null,
      ...values,
    })
    this.usersByName.set(username, id)
    return id
  }

  /** Inserts a record as the org's own automation would (no validation, no events): approval rows, setup data. */
  insertSystemRecord(object: string, values: FakeRecord): string {
    return this.systemInsert(object, values)
  }

  /** Updates a record without validation or events (approval rows). */
  updateSystemRecord(object: string, id: string, values: FakeRecord): void {
    const record = this.store(object).records.get(id)
    if (!record) throw new Error(`no ${object} ${id}`)
    Object.assign(record, values, { LastModifiedDate: this.stamp(), SystemModstamp: this.stamp() })
  }

  /** Resolves body field names to canonical ones; unknown fields fail the whole request, as the org does. */
  canonicalValues(object: string, values: Record<string, unknown>): FakeRecord {
    const store = this.store(object)
    const out: FakeRecord = {}
    for (const [name, value] of Object.entries(values)) {
      if (name === "attributes") continue
      const field = store.byLowerName.get(name.toLowerCase())
      if (field) {
        out[field.name] = value
        continue
      }
      const relationship = store.definition.fields.find(
        (candidate) => candidate.relationshipName?.toLowerCase() === name.toLowerCase(),
      )
      if (relationship && value && typeof value === "object") {
        out[`@${relationship.name}`] = value
        continue
      }
      throw new FakeRequestError(
        400,
        "INVALID_FIELD",
        `No such column '${name}' on sobject of type ${store.definition.name}`,
        [name],
      )
    }
    return out
  }

  /** Checks and normalises one record's values; a failure is this record's error only. */
  private validate(object: string, values: FakeRecord, existing: FakeRecord | undefined): FakeRecord {
    const store = this.store(object)
    const out: FakeRecord = {}
    for (const [name, value] of Object.entries(values)) {
      if (name.startsWith("@")) {
        const field = store.byLowerName.get(name.slice(1).toLowerCase())!
        out[field.name] = this.resolveForeignKey(field, value as Record<string, unknown>)
        continue
      }
      const field = store.byLowerName.get(name.toLowerCase())!
      if (field.readOnly || field.name === "Id") {
        if (field.name === "Id") continue
        throw new FakeRecordError(
          "INVALID_FIELD_FOR_INSERT_UPDATE",
          `Unable to create/update fields: ${field.name}. Please check the security settings of this field.`,
          [field.name],
        )
      }
      out[field.name] = this.coerce(field, value)
    }
    if (!existing) {
      for (const field of store.definition.fields) {
        if (
          field.required &&
          (out[field.name] === undefined || out[field.name] === null || out[field.name] === "")
        ) {
          throw new FakeRecordError(
            "REQUIRED_FIELD_MISSING",
            `Required fields are missing: [${field.name}]`,
            [field.name],
          )
        }
      }
    }
    return out
  }

  private resolveForeignKey(field: FakeField, lookup: Record<string, unknown>): string {
    const target = field.referenceTo?.[0]
    const [keyField, key] = Object.entries(lookup).find(([name]) => name !== "attributes") ?? []
    if (!target || keyField === undefined) {
      throw new FakeRecordError("INVALID_FIELD", `Invalid foreign key relationship on ${field.name}`, [
        field.name,
      ])
    }
    const definition = this.fieldOf(target, keyField)
    if (!definition?.externalId) {
      throw new FakeRecordError(
        "INVALID_FIELD",
        `Foreign key external ID: ${keyField} is not an external id field of ${target}`,
        [field.name],
      )
    }
    const found = this.byKey(this.store(target).definition.name, definition.name, key)
    if (found.length === 0) {
      throw new FakeRecordError(
        "INVALID_FIELD",
        `Foreign key external ID: ${String(key)} not found for field ${definition.name} in entity ${target}`,
        [field.relationshipName ?? field.name],
      )
    }
    return found[0]!.Id as string
  }

  private coerce(field: FakeField, value: unknown): unknown {
    if (value === null) return null
    const wrongType = () =>
      new FakeRecordError(
        "INVALID_TYPE_ON_FIELD_IN_RECORD",
        `${field.label}: value not of required type: ${JSON.stringify(value)}`,
        [field.name],
      )
    switch (field.type) {
      case "string":
      case "textarea":
      case "email":
      case "phone": {
        if (typeof value !== "string") throw wrongType()
        if (field.length !== undefined && value.length > field.length) {
          throw new FakeRecordError(
            "STRING_TOO_LONG",
            `${field.label}: data value too large: ${value.slice(0, 40)} (max length=${field.length})`,
            [field.name],
          )
        }
        return value
      }
      case "double":
      case "currency":
      case "percent":
      case "int": {
        const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value
        if (typeof number !== "number" || !Number.isFinite(number)) throw wrongType()
        return number
      }
      case "boolean":
        if (typeof value === "boolean") return value
        if (value === "true" || value === "false") return value === "true"
        throw wrongType()
      case "date":
        if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw wrongType()
        return value
      case "datetime": {
        if (
          typeof value !== "string" ||
          Number.isNaN(Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, "$1:$2")))
        )
          throw wrongType()
        return formatDateTime(Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, "$1:$2")))
      }
      case "picklist":
      case "multipicklist": {
        if (typeof value !== "string") throw wrongType()
        const allowed = new Set(
          (field.picklistValues ?? []).filter((entry) => entry.active).map((entry) => entry.value),
        )
        const chosen = field.type === "multipicklist" ? value.split(";") : [value]
        if (
          (field.restricted || field.custom) &&
          field.picklistValues &&
          chosen.some((entry) => !allowed.has(entry))
        ) {
          throw new FakeRecordError(
            "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
            `${field.label}: bad value for restricted picklist field: ${value}`,
            [field.name],
          )
        }
        return value
      }
      case "reference": {
        if (typeof value !== "string") throw wrongType()
        if (!isRecordId(value))
          throw new FakeRecordError("MALFORMED_ID", `${field.label}: id value of incorrect type: ${value}`, [
            field.name,
          ])
        const target = this.findById(value)
        if (
          !target ||
          !(field.referenceTo ?? []).includes(target.object) ||
          target.record.IsDeleted === true
        ) {
          throw new FakeRecordError(
            "INVALID_CROSS_REFERENCE_KEY",
            `${field.label}: invalid cross reference id`,
            [field.name],
          )
        }
        return target.record.Id
      }
      default:
        return value
    }
  }

  private derive(object: string, record: FakeRecord, previous: FakeRecord | undefined): void {
    if (object === "Case") {
      if (record.Status === undefined || record.Status === null) record.Status = "New"
      const status = this.records("CaseStatus").find((entry) => entry.ApiName === record.Status)
      const closed = status?.IsClosed === true
      record.IsClosed = closed
      if (closed && !previous?.IsClosed) record.ClosedDate = this.stamp()
      if (!closed) record.ClosedDate = null
      if (record.IsEscalated === undefined) record.IsEscalated = false
      if (!record.CaseNumber) {
        this.caseNumber += 1
        record.CaseNumber = String(this.caseNumber).padStart(8, "0")
      }
    }
    if (object === "Task") {
      if (!record.Status) record.Status = "Not Started"
      record.IsClosed = record.Status === "Completed"
    }
    if (object === "Account" && this.personAccounts) {
      const personType = this.records("RecordType").find((entry) => entry.IsPersonType === true)
      const isPerson = personType !== undefined && record.RecordTypeId === personType.Id
      record.IsPersonAccount = isPerson
      if (isPerson) {
        if (!record.LastName)
          throw new FakeRecordError("REQUIRED_FIELD_MISSING", "Required fields are missing: [LastName]", [
            "LastName",
          ])
        record.Name = [record.FirstName, record.LastName].filter(Boolean).join(" ")
      } else if (!record.Name) {
        throw new FakeRecordError("REQUIRED_FIELD_MISSING", "Required fields are missing: [Name]", ["Name"])
      }
    }
    if (object === "PermissionSet") record.IsOwnedByProfile ??= false
    if (record.OwnerId === undefined && this.fieldOf(object, "OwnerId")) record.OwnerId = record.CreatedById
  }

  private checkUnique(object: string, record: FakeRecord): void {
    for (const field of this.store(object).definition.fields) {
      if (
        !(field.unique || field.externalId) ||
        record[field.name] === undefined ||
        record[field.name] === null
      )
        continue
      if (!field.unique) continue
      const clash = this.byKey(this.store(object).definition.name, field.name, record[field.name]).find(
        (other) => other.Id !== record.Id,
      )
      if (clash) {
        throw new FakeRecordError(
          "DUPLICATE_VALUE",
          `duplicate value found: ${field.name} duplicates value on record with id: ${clash.Id}`,
          [field.name],
        )
      }
    }
  }

  /** Inserts one record as `caller`; throws the record's error. */
  insert(object: string, values: FakeRecord, caller: Caller): string {
    const store = this.store(object)
    const clean = this.validate(object, values, undefined)
    const id = this.nextId(store.definition.keyPrefix)
    const stamp = this.stamp()
    const record: FakeRecord = {
      Id: id,
      IsDeleted: false,
      CreatedDate: stamp,
      LastModifiedDate: stamp,
      SystemModstamp: stamp,
      CreatedById: caller.userId,
      LastModifiedById: caller.userId,
      ...clean,
    }
    this.derive(object, record, undefined)
    this.checkUnique(object, record)
    store.records.set(id, record)
    this.remember(store.definition.name, record)
    this.index(store.definition.name, undefined, record)
    this.publish(object, "CREATE", record, Object.keys(clean), caller)
    return id
  }

  /** Updates one record by id as `caller`. */
  update(object: string, id: string, values: FakeRecord, caller: Caller): string {
    const store = this.store(object)
    if (!isRecordId(id))
      throw new FakeRecordError("MALFORMED_ID", `Id: id value of incorrect type: ${id}`, ["Id"])
    const found = this.findById(id)
    if (!found || found.object !== store.definition.name) {
      throw new FakeRecordError("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id")
    }
    if (found.record.IsDeleted === true) throw new FakeRecordError("ENTITY_IS_DELETED", "entity is deleted")
    const clean = this.validate(object, values, found.record)
    const previous = { ...found.record }
    const next = { ...found.record, ...clean }
    this.derive(object, next, previous)
    this.checkUnique(object, next)
    const changed = Object.keys(clean).filter(
      (name) => compareValues(previous[name], next[name]) !== 0 || previous[name] !== next[name],
    )
    const stamp = this.stamp()
    Object.assign(found.record, next, {
      LastModifiedDate: stamp,
      SystemModstamp: stamp,
      LastModifiedById: caller.userId,
    })
    // An external id written by id is found by it at once, as Salesforce indexes it.
    this.index(store.definition.name, previous, found.record)
    this.publish(object, "UPDATE", found.record, changed, caller)
    return found.record.Id as string
  }

  /** Creates or updates by an external id, as `PATCH /sobjects/X/Field/key` does. */
  upsert(
    object: string,
    externalIdField: string,
    key: string,
    values: FakeRecord,
    caller: Caller,
  ): { id: string; created: boolean } {
    const field = this.fieldOf(object, externalIdField)
    if (!field || !(field.externalId || field.name === "Id")) {
      throw new FakeRequestError(
        404,
        "NOT_FOUND",
        `Provided external ID field does not exist or is not accessible: ${externalIdField}`,
      )
    }
    const found =
      field.name === "Id"
        ? [this.findById(key)?.record].filter((record) => record !== undefined)
        : this.byKey(this.store(object).definition.name, field.name, key)
    if (found.length > 1) {
      throw new FakeRecordError(
        "DUPLICATE_EXTERNAL_ID",
        `${field.name}: more than one record found for external id field: [${found.map((record) => record.Id).join(", ")}]`,
        [field.name],
      )
    }
    const withKey = { ...values, [field.name]: key }
    if (found[0]) return { id: this.update(object, found[0].Id as string, withKey, caller), created: false }
    return { id: this.insert(object, withKey, caller), created: true }
  }

  /** Deletes a record (to the recycle bin: `queryAll` still sees it with IsDeleted). */
  remove(object: string, id: string, caller: Caller): void {
    const found = this.findById(id)
    if (!found || found.object !== this.store(object).definition.name || found.record.IsDeleted === true) {
      throw new FakeRequestError(404, "ENTITY_IS_DELETED", "entity is deleted")
    }
    const stamp = this.stamp()
    Object.assign(found.record, {
      IsDeleted: true,
      SystemModstamp: stamp,
      LastModifiedDate: stamp,
      LastModifiedById: caller.userId,
    })
    this.publish(object, "DELETE", found.record, [], caller)
  }

  private publish(
    object: string,
    changeType: "CREATE" | "UPDATE" | "DELETE",
    record: FakeRecord,
    changedFields: ReadonlyArray<string>,
    caller: Caller,
  ): void {
    if (!this.store(object).definition.changeEvents) return
    this.transaction += 1
    this.replay += 1
    const fields =
      changeType === "DELETE"
        ? {}
        : Object.fromEntries(changedFields.map((name) => [name, record[name] ?? null]))
    this.changeEvents.push({
      replayId: this.replay,
      header: {
        entityName: object,
        recordIds: [record.Id as string],
        changeType,
        changedFields: changeType === "UPDATE" ? [...changedFields, "LastModifiedDate"] : [],
        changeOrigin:
          caller.client === undefined
            ? ""
            : `com/salesforce/api/rest/${caller.apiVersion};client=${caller.client}`,
        transactionKey: `0005-${this.transaction.toString(16).padStart(8, "0")}`,
        sequenceNumber: 1,
        commitTimestamp: Date.parse(String(record.SystemModstamp).replace(/([+-]\d{2})(\d{2})$/, "$1:$2")),
        commitUser: caller.userId,
      },
      fields,
    })
  }

  /** Publishes a gap event, as the org does when it cannot produce the full event (e.g. a bulk DB change). */
  publishGap(
    object: string,
    recordIds: ReadonlyArray<string>,
    changeType: "GAP_UPDATE" | "GAP_CREATE" | "GAP_DELETE" | "GAP_OVERFLOW" = "GAP_UPDATE",
  ): void {
    this.replay += 1
    this.transaction += 1
    this.changeEvents.push({
      replayId: this.replay,
      header: {
        entityName: object,
        recordIds: [...recordIds],
        changeType,
        changedFields: [],
        changeOrigin: "",
        transactionKey: `0005-${this.transaction.toString(16).padStart(8, "0")}`,
        sequenceNumber: 1,
        commitTimestamp: this.now(),
        commitUser: this.integrationUserId,
      },
      fields: {},
    })
  }

  /** Reads a field path (`Account.Tixi_Key__c`) on a record, following relationships. */
  read(object: string, record: FakeRecord, path: string): unknown {
    const [head, ...rest] = path.split(".")
    const store = this.store(object)
    if (rest.length === 0) {
      const field = store.byLowerName.get(head!.toLowerCase())
      if (!field)
        throw new FakeRequestError(
          400,
          "INVALID_FIELD",
          `No such column '${head}' on entity '${store.definition.name}'.`,
        )
      return record[field.name] ?? null
    }
    const reference = store.definition.fields.find(
      (field) => field.relationshipName?.toLowerCase() === head!.toLowerCase(),
    )
    if (!reference)
      throw new FakeRequestError(
        400,
        "INVALID_FIELD",
        `Didn't understand relationship '${head}' in field path.`,
      )
    const target =
      typeof record[reference.name] === "string" ? this.findById(record[reference.name] as string) : undefined
    if (!target) return null
    return this.read(target.object, target.record, rest.join("."))
  }

  /** The SELECT list of one record, with nested relationship objects as the REST API returns them. */
  project(object: string, record: FakeRecord, fields: ReadonlyArray<string>): FakeRecord {
    const out: FakeRecord = {
      attributes: {
        type: this.store(object).definition.name,
        url: `/services/data/v${this.latestApiVersion}/sobjects/${object}/${record.Id}`,
      },
    }
    for (const path of fields) {
      const parts = path.split(".")
      if (parts.length === 1) {
        const field = this.fieldOf(object, path)
        if (!field)
          throw new FakeRequestError(400, "INVALID_FIELD", `No such column '${path}' on entity '${object}'.`)
        out[field.name] = record[field.name] ?? null
        continue
      }
      const store = this.store(object)
      const reference = store.definition.fields.find(
        (field) => field.relationshipName?.toLowerCase() === parts[0]!.toLowerCase(),
      )
      if (!reference)
        throw new FakeRequestError(
          400,
          "INVALID_FIELD",
          `Didn't understand relationship '${parts[0]}' in field path.`,
        )
      const target =
        typeof record[reference.name] === "string"
          ? this.findById(record[reference.name] as string)
          : undefined
      if (!target) {
        out[reference.relationshipName!] = null
        continue
      }
      const nested = (out[reference.relationshipName!] as FakeRecord | null) ?? {
        attributes: { type: target.object },
      }
      const inner = this.project(target.object, target.record, [parts.slice(1).join(".")])
      delete inner.attributes
      out[reference.relationshipName!] = { ...nested, ...inner }
    }
    return out
  }

  /** Runs a SOQL query; `includeDeleted` is `queryAll`. Returns every row (paging is the handler's). */
  query(
    soql: string,
    options: { readonly includeDeleted: boolean; readonly tooling: boolean },
  ): { rows: Array<FakeRecord>; count: number | undefined } {
    let parsed: ReturnType<typeof parseSoql>
    try {
      parsed = parseSoql(soql)
    } catch (error) {
      if (error instanceof SoqlSyntaxError) throw new FakeRequestError(400, "MALFORMED_QUERY", error.message)
      throw error
    }
    if (options.tooling) return { rows: this.queryTooling(parsed), count: undefined }
    const object = this.store(parsed.object).definition.name
    let rows = [...this.store(object).records.values()].filter(
      (record) => options.includeDeleted || record.IsDeleted !== true,
    )
    rows = rows.filter((record) => matches(parsed.where, (path) => this.read(object, record, path)))
    if (parsed.count) return { rows: [], count: rows.length }
    if (parsed.orderBy.length > 0) {
      rows.sort((left, right) => {
        for (const order of parsed.orderBy) {
          const difference = compareValues(
            this.read(object, left, order.field),
            this.read(object, right, order.field),
          )
          if (difference !== 0) return order.descending ? -difference : difference
        }
        return 0
      })
    }
    if (parsed.offset !== undefined) rows = rows.slice(parsed.offset)
    if (parsed.limit !== undefined) rows = rows.slice(0, parsed.limit)
    return { rows: rows.map((record) => this.project(object, record, parsed.fields)), count: undefined }
  }

  private queryTooling(parsed: ReturnType<typeof parseSoql>): Array<FakeRecord> {
    if (parsed.object.toLowerCase() !== "customfield") {
      throw new FakeRequestError(400, "INVALID_TYPE", `sObject type '${parsed.object}' is not supported.`)
    }
    const includesMetadata = parsed.fields.some((field) =>
      ["metadata", "fullname"].includes(field.toLowerCase()),
    )
    const rows = [...this.customFields.values()].filter((row) =>
      matches(parsed.where, (path) => (row as unknown as FakeRecord)[path] ?? null),
    )
    if (includesMetadata && rows.length > 1) {
      throw new FakeRequestError(
        400,
        "MALFORMED_QUERY",
        "When retrieving results with Metadata or FullName fields, the query qualifications must specify no more than one row for retrieval.",
      )
    }
    return rows.map((row) => ({
      attributes: { type: "CustomField" },
      ...Object.fromEntries(
        parsed.fields.map((field) => {
          const key = Object.keys(row).find((name) => name.toLowerCase() === field.toLowerCase())
          if (!key)
            throw new FakeRequestError(
              400,
              "INVALID_FIELD",
              `No such column '${field}' on entity 'CustomField'.`,
            )
          return [key, (row as unknown as FakeRecord)[key]]
        }),
      ),
    }))
  }

  /** Registers an Approval Process (Setup → Approval Processes). */
  defineApprovalProcess(process: FakeApprovalProcess): void {
    const definitionId = this.systemInsert("ProcessDefinition", {
      DeveloperName: process.name,
      Name: process.name,
      TableEnumOrId: process.object,
      State: "Active",
    })
    const nodeIds = process.steps.map((step) =>
      this.systemInsert("ProcessNode", {
        DeveloperName: step.name,
        Name: step.name,
        ProcessDefinitionId: definitionId,
      }),
    )
    this.approvalProcesses.set(process.name.toLowerCase(), { ...process, definitionId, nodeIds })
  }
}
