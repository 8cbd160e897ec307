import {
  type DirectoryMapping,
  defaultHostAudience,
  directoryMappingProblems,
  type HostAudience,
  hostAudienceProblem,
} from "@tixi/adapter-kit"
import {
  type AccessPolicy,
  Complaints,
  defaultAccessPolicy,
  isWellFormedId,
  type Locale,
  type PersonId,
  ValidationError,
  type ValidationIssue,
} from "@tixi/core"
import { Redacted, Result } from "effect"

/**
 * The largest raw upload whose base64 encoding stays within Bulk API 2.0's 150 MB per upload
 * (150,000,000 × 3 / 4 bytes).
 */
// https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/upload_job_data.htm
export const bulkUploadLimitBytes = 112_500_000

/** The API version every call uses; pinned, because jsforce's default (50.0) is years old. */
export const defaultApiVersion = "66.0"

/** Signing in as an integration user with the OAuth 2.0 JWT bearer flow (a connected app with a certificate). */
export interface JwtCredentials {
  readonly kind: "jwt"
  /** The connected app's consumer key (the JWT `iss`). */
  readonly clientId: string
  /** The integration user's username (the JWT `sub`). */
  readonly username: string
  /** The PEM private key itself, e.g. from a secret manager; never written to disk. */
  readonly privateKey?: Redacted.Redacted<string>
  /** Or a path to the PEM file; read when a token is needed, so a rotated key is picked up. */
  readonly privateKeyFile?: string
  /**
   * The JWT audience. Defaults to `https://test.salesforce.com` for sandbox login URLs and
   * `https://login.salesforce.com` otherwise (a My Domain URL is not a valid audience).
   */
  readonly audience?: string
}

/** An access token obtained elsewhere (a CLI, another integration); it cannot be renewed here. */
export interface AccessTokenCredentials {
  readonly kind: "accessToken"
  readonly accessToken: Redacted.Redacted<string>
  readonly instanceUrl: string
}

/** How the adapter signs in. */
export type SalesforceCredentials = JwtCredentials | AccessTokenCredentials

/**
 * A tixi request type run as Salesforce Approval Processes. Salesforce fixes each step's
 * unanimity in Setup, so a company defines one process per chain shape it uses (e.g. one step
 * "any one of", or "all of" then "any one of"); each step takes its approvers from tixi's related
 * user fields `Tixi_Approver_S<step>_<n>__c`, which tixi fills before submitting. tixi submits to
 * the process whose step modes match the submission's.
 */
export interface ApprovalProcessBinding {
  /** The object the processes are defined on, e.g. `Account` for a credit-limit override. */
  readonly object: string
  /** The processes by unique name, each with the mode of its steps in order. */
  readonly processes: ReadonlyArray<{ readonly name: string; readonly steps: ReadonlyArray<"all" | "any"> }>
  /** Related user fields per step (default 5): the most approvers one step can have. */
  readonly approversPerStep?: number
  /**
   * How the record to approve is found from the submission: `values[recordKeyField]` is tixi's
   * key of the record (matched on the external-id field). Defaults to `businessKey`.
   */
  readonly recordKeyField?: string
  /** Skip the process's entry criteria (tixi has already decided an approval is needed). */
  readonly skipEntryCriteria?: boolean
}

/**
 * The org's users, roles and permission sets as tixi's `Directory`, and how the company maps them
 * to tixi roles and posts. Host names are a user's role DeveloperName, the Names of the permission
 * sets assigned to them (profiles' own sets excluded) and their Title; a role or post without
 * configured names is known by its Chinese label, which only a Title can hold (API names are
 * letters, digits and underscores), so companies that grant posts by permission set name them here.
 */
export interface SalesforceDirectorySettings extends DirectoryMapping {
  /**
   * Where departments come from: `roleHierarchy` (default), each UserRole a department whose
   * parent is its ParentRoleId, since the hierarchy is what the org keeps current for sharing; or
   * `departmentField`, the User's free-text Department, for orgs whose roles follow sales
   * territories rather than the organisation chart (those departments have no parent and no head).
   */
  readonly departmentsFrom?: "roleHierarchy" | "departmentField"
  /**
   * tixi department id → the role's DeveloperName (or the Department text); unmapped departments
   * are known by that name itself.
   */
  readonly departments?: Readonly<Record<string, string>>
  /** How long the listing of users, roles and assignments is reused, in seconds (default 300). */
  readonly cacheSeconds?: number
}

/** The directory settings with their defaults. */
export interface ResolvedDirectorySettings extends DirectoryMapping {
  readonly departmentsFrom: "roleHierarchy" | "departmentField"
  readonly departments: Readonly<Record<string, string>>
  readonly cacheSeconds: number
}

/** Everything the adapter needs; `parseSalesforceSettings` validates it. */
export interface SalesforceSettings {
  readonly credentials: SalesforceCredentials
  /** Where to sign in: `https://login.salesforce.com`, `https://test.salesforce.com` or a My Domain URL. */
  readonly loginUrl?: string
  /** e.g. `66.0`; every call is made against this version. */
  readonly apiVersion?: string
  /**
   * The client name sent in `Sforce-Call-Options: client=…` on every call. Change Data Capture
   * events carry it in `changeOrigin`, which is how tixi recognises (and ignores) its own writes.
   */
  readonly callOptionsClient?: string
  /** The external-id field tixi's keys are stored in, on every object tixi writes (default `Tixi_Key__c`). */
  readonly externalIdField?: string
  /** Whether the org has Person Accounts: natural-person customers then become Person Accounts, else Contacts. */
  readonly personAccounts?: boolean
  /** tixi person id → Salesforce User Id (005…), for owners, assignees and approvers. */
  readonly users?: Readonly<Record<string, string>>
  /** tixi field name → Salesforce field API name, per object, for fields that map to standard ones (Type, Origin, Reason, IsEscalated). */
  readonly fieldMap?: {
    readonly customer?: Readonly<Record<string, string>>
    readonly case?: Readonly<Record<string, string>>
  }
  /** tixi case stage → Case Status value; unmapped stages keep the org's default open / first closed status. */
  readonly caseStatuses?: Readonly<Record<string, string>>
  /**
   * The tixi case field that marks a Case escalated (`IsEscalated`, the flag list views, reports
   * and the Service Console show): escalated while it holds a number above 0 or `true`. Default
   * `complaint_escalation_level`, so a complaint escalated past its deadline shows as escalated
   * and a reopened one as not; `null` leaves IsEscalated to the org's own escalation rules. A
   * `fieldMap` entry naming IsEscalated wins. Cases whose drafts lack the field are left alone.
   */
  readonly escalatedBy?: string | null
  /** tixi priority → Case Priority value (default Low / Medium / High / High). */
  readonly casePriorities?: Readonly<Partial<Record<"low" | "normal" | "high" | "urgent", string>>>
  /** The language of field labels on install; the other language goes into the help text. */
  readonly labelLanguage?: Locale
  /** Record counts from which a write goes through Bulk API 2.0 when that costs fewer calls (default 2,000). */
  readonly bulkThreshold?: number
  /**
   * The most CSV one Bulk API 2.0 upload carries, in UTF-8 bytes (default 100 MiB): Salesforce
   * takes at most 150 MB per upload after base64 encoding and advises 100 MB raw, so a larger
   * write is split into several jobs.
   */
  readonly bulkUploadMaxBytes?: number
  /** API calls kept back for staff and other integrations (default 5 % of the org's allocation). */
  readonly apiReserve?: number
  /** Requests in flight at once (default 10). */
  readonly maxConcurrentRequests?: number
  /** Bulk job polling: first wait and longest wait in milliseconds (default 1 s and 30 s). */
  readonly bulkPolling?: { readonly initialMillis?: number; readonly maxMillis?: number }
  /** tixi request type → the Approval Process it runs as. */
  readonly approvalProcesses?: Readonly<Record<string, ApprovalProcessBinding>>
  /** The org's time zone, for date-only fields such as a Task's due date (default `UTC`). */
  readonly timeZone?: string
  /** Session lifetime in seconds for cached tokens (the org's session timeout; default 7200). */
  readonly sessionSeconds?: number
  /**
   * Who can see records in this org: its users are salespeople and service agents, not the
   * finance department, so tixi writes only the fields they may all read (default `internal`, no
   * need-to-know modules: the credit limit and score, 秘密, stay in tixi). Raise it, e.g.
   * `{ clearance: "secret", modules: ["credit"] }`, when field-level security already keeps the
   * credit fields to the credit posts.
   */
  readonly audience?: HostAudience
  /** The company's access rules (levels it reclassifies, need-to-know); default the handbook's. */
  readonly accessPolicy?: AccessPolicy
  /** Users, roles and permission sets as tixi's `Directory` (see `SalesforceDirectorySettings`). */
  readonly directory?: SalesforceDirectorySettings
}

/** Settings with every default filled in. */
export interface ResolvedSettings {
  readonly credentials: SalesforceCredentials
  readonly loginUrl: string
  readonly apiVersion: string
  readonly callOptionsClient: string
  readonly externalIdField: string
  readonly personAccounts: boolean
  readonly users: Readonly<Record<string, string>>
  readonly fieldMap: {
    readonly customer: Readonly<Record<string, string>>
    readonly case: Readonly<Record<string, string>>
  }
  readonly caseStatuses: Readonly<Record<string, string>>
  readonly escalatedBy: string | undefined
  readonly casePriorities: Readonly<Record<"low" | "normal" | "high" | "urgent", string>>
  readonly labelLanguage: Locale
  readonly bulkThreshold: number
  readonly bulkUploadMaxBytes: number
  readonly apiReserve: number | undefined
  readonly maxConcurrentRequests: number
  readonly bulkPolling: { readonly initialMillis: number; readonly maxMillis: number }
  readonly approvalProcesses: Readonly<Record<string, ApprovalProcessBinding>>
  readonly timeZone: string
  readonly sessionSeconds: number
  readonly audience: HostAudience
  readonly accessPolicy: AccessPolicy
  readonly directory: ResolvedDirectorySettings
}

const apiNamePattern = /^[A-Za-z][A-Za-z0-9_]{0,79}$/

/** Validates settings: every problem with its path, or the settings with defaults. */
export function parseSalesforceSettings(
  input: SalesforceSettings,
): Result.Result<ResolvedSettings, ValidationError> {
  const issues: Array<ValidationIssue> = []
  const problem = (path: ReadonlyArray<string | number>, message: string) =>
    issues.push({ path, message, code: "invalid" })
  const url = (path: string, value: string | undefined) => {
    if (value === undefined) return
    try {
      const parsed = new URL(value)
      if (parsed.protocol !== "https:" && parsed.protocol !== "http:")
        problem([path], "must be an http(s) URL")
    } catch {
      problem([path], "must be a URL, e.g. https://login.salesforce.com")
    }
  }
  const credentials = input.credentials
  if (credentials === undefined) problem(["credentials"], "is required")
  else if (credentials.kind === "jwt") {
    if (!credentials.clientId?.trim()) problem(["credentials", "clientId"], "must not be empty")
    if (!credentials.username?.trim()) problem(["credentials", "username"], "must not be empty")
    const hasKey = credentials.privateKey !== undefined
    const hasFile = credentials.privateKeyFile !== undefined && credentials.privateKeyFile.trim() !== ""
    if (hasKey === hasFile)
      problem(["credentials", "privateKey"], "give either privateKey (PEM) or privateKeyFile, not both")
    if (hasKey && !Redacted.value(credentials.privateKey!).includes("PRIVATE KEY")) {
      problem(["credentials", "privateKey"], "must be a PEM private key (-----BEGIN PRIVATE KEY-----)")
    }
    url("credentials.audience", credentials.audience)
  } else if (credentials.kind === "accessToken") {
    if (Redacted.value(credentials.accessToken).trim() === "")
      problem(["credentials", "accessToken"], "must not be empty")
    if (!credentials.instanceUrl) problem(["credentials", "instanceUrl"], "is required with an access token")
    url("credentials.instanceUrl", credentials.instanceUrl)
  } else problem(["credentials", "kind"], 'must be "jwt" or "accessToken"')
  url("loginUrl", input.loginUrl)
  const apiVersion = input.apiVersion ?? defaultApiVersion
  if (!/^\d{2}\.0$/.test(apiVersion)) problem(["apiVersion"], 'must look like "66.0"')
  else if (Number(apiVersion) < 54) problem(["apiVersion"], "tixi needs API version 54.0 or later")
  const externalIdField = input.externalIdField ?? "Tixi_Key__c"
  if (!apiNamePattern.test(externalIdField) || !externalIdField.endsWith("__c")) {
    problem(["externalIdField"], "must be a custom field API name ending in __c")
  }
  for (const [object, map] of Object.entries(input.fieldMap ?? {})) {
    for (const [name, field] of Object.entries(map ?? {})) {
      if (!apiNamePattern.test(field))
        problem(["fieldMap", object, name], `"${field}" is not a field API name`)
    }
  }
  if (input.escalatedBy !== undefined && input.escalatedBy !== null && input.escalatedBy.trim() === "")
    problem(["escalatedBy"], "must name a tixi case field, or be null")
  for (const [person, user] of Object.entries(input.users ?? {})) {
    if (!/^005[A-Za-z0-9]{12}([A-Za-z0-9]{3})?$/.test(user))
      problem(["users", person], "must be a User Id (005…)")
  }
  const positive = (path: string, value: number | undefined) => {
    if (value !== undefined && (!Number.isInteger(value) || value < 1))
      problem([path], "must be a positive whole number")
  }
  positive("bulkThreshold", input.bulkThreshold)
  positive("bulkUploadMaxBytes", input.bulkUploadMaxBytes)
  if ((input.bulkUploadMaxBytes ?? 0) > bulkUploadLimitBytes)
    problem(["bulkUploadMaxBytes"], `must be at most ${bulkUploadLimitBytes} (150 MB after base64 encoding)`)
  positive("maxConcurrentRequests", input.maxConcurrentRequests)
  positive("sessionSeconds", input.sessionSeconds)
  if (input.apiReserve !== undefined && (!Number.isInteger(input.apiReserve) || input.apiReserve < 0)) {
    problem(["apiReserve"], "must be a whole number of calls, 0 or more")
  }
  for (const [requestType, binding] of Object.entries(input.approvalProcesses ?? {})) {
    if (!binding.processes?.length)
      problem(["approvalProcesses", requestType, "processes"], "needs at least one process")
    binding.processes?.forEach((process, index) => {
      if (!process.name?.trim())
        problem(["approvalProcesses", requestType, "processes", index, "name"], "must not be empty")
      if (!process.steps?.length)
        problem(["approvalProcesses", requestType, "processes", index, "steps"], "needs at least one step")
    })
    if (!apiNamePattern.test(binding.object ?? ""))
      problem(["approvalProcesses", requestType, "object"], "must be an sObject API name")
  }
  const timeZone = input.timeZone ?? "UTC"
  try {
    new Intl.DateTimeFormat("en", { timeZone })
  } catch {
    problem(["timeZone"], `"${timeZone}" is not an IANA time zone`)
  }
  const audience = input.audience ?? defaultHostAudience
  const audienceProblem = hostAudienceProblem(audience)
  if (audienceProblem !== undefined) problem(audienceProblem.field.split("."), audienceProblem.message)
  const directory = input.directory ?? {}
  for (const mappingProblem of directoryMappingProblems(directory, "directory"))
    problem(mappingProblem.field.split("."), mappingProblem.message)
  const departmentsFrom = directory.departmentsFrom ?? "roleHierarchy"
  if (departmentsFrom !== "roleHierarchy" && departmentsFrom !== "departmentField")
    problem(["directory", "departmentsFrom"], 'must be "roleHierarchy" or "departmentField"')
  const departmentNames = new Map<string, string>()
  for (const [department, name] of Object.entries(directory.departments ?? {})) {
    if (!isWellFormedId(department))
      problem(
        ["directory", "departments", department],
        "is not a usable tixi department id (letters, digits, . _ : @ / -)",
      )
    else if (typeof name !== "string" || name.trim() === "")
      problem(["directory", "departments", department], "must name a role DeveloperName or Department")
    else if (departmentNames.has(name))
      problem(
        ["directory", "departments", department],
        `maps to "${name}" as ${departmentNames.get(name)} does`,
      )
    else departmentNames.set(name, department)
  }
  if (directory.cacheSeconds !== undefined && !(directory.cacheSeconds >= 0))
    problem(["directory", "cacheSeconds"], "must be 0 or more seconds")
  if (issues.length > 0) return Result.fail(new ValidationError({ subject: "salesforce.settings", issues }))
  const initialMillis = input.bulkPolling?.initialMillis ?? 1_000
  return Result.succeed({
    credentials: credentials!,
    loginUrl: trimSlash(input.loginUrl ?? "https://login.salesforce.com"),
    apiVersion,
    callOptionsClient: input.callOptionsClient ?? "tixi",
    externalIdField,
    personAccounts: input.personAccounts ?? false,
    users: input.users ?? {},
    fieldMap: { customer: input.fieldMap?.customer ?? {}, case: input.fieldMap?.case ?? {} },
    caseStatuses: input.caseStatuses ?? {},
    escalatedBy:
      input.escalatedBy === null
        ? undefined
        : (input.escalatedBy ?? Complaints.complaintFieldNames.escalationLevel),
    casePriorities: { low: "Low", normal: "Medium", high: "High", urgent: "High", ...input.casePriorities },
    labelLanguage: input.labelLanguage ?? "en",
    bulkThreshold: input.bulkThreshold ?? 2_000,
    bulkUploadMaxBytes: input.bulkUploadMaxBytes ?? 100 * 1024 * 1024,
    apiReserve: input.apiReserve,
    maxConcurrentRequests: input.maxConcurrentRequests ?? 10,
    bulkPolling: {
      initialMillis,
      maxMillis: Math.max(initialMillis, input.bulkPolling?.maxMillis ?? 30_000),
    },
    approvalProcesses: input.approvalProcesses ?? {},
    timeZone,
    sessionSeconds: input.sessionSeconds ?? 7_200,
    audience,
    accessPolicy: input.accessPolicy ?? defaultAccessPolicy,
    directory: {
      ...directory,
      departmentsFrom,
      departments: directory.departments ?? {},
      cacheSeconds: directory.cacheSeconds ?? 300,
    },
  })
}

/** A URL without its trailing slash, so paths join cleanly. */
export const trimSlash = (url: string) => url.replace(/\/+$/, "")

/** The Salesforce User Id of a tixi person, if the settings map one. */
export const userIdOf = (settings: ResolvedSettings, person: PersonId): string | undefined =>
  settings.users[person]
