import { createVerify } from "node:crypto"
import { setTimeout as sleep } from "node:timers/promises"
import type { RawApprovalRequest, RawDescribe, RawSaveResult } from "../vendor/rest.ts"
import { FakeApprovalEngine } from "./approval-engine.ts"
import { FakeBulkEngine } from "./bulk-engine.ts"
import type { Caller, FakeRecord, FakeSalesforceOrg } from "./fake-org.ts"
import { FakeRecordError, FakeRequestError } from "./org-errors.ts"
import { describeTypeOf, type FakeField } from "./schema.ts"
import { handleSoap } from "./soap-handler.ts"

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json;charset=UTF-8", ...headers },
  })

const base64UrlDecode = (value: string) => Buffer.from(value.replace(/-/g, "+").replace(/_/g, "/"), "base64")

/** One data API request the fake org answered, as tests count them. */
export interface FakeRequestRecord {
  readonly method: string
  /** The path after `/services/data/vXX.X`, e.g. `/sobjects/Case/Tixi_Key__c/TS-1` or `/query`. */
  readonly path: string
  /** The SOQL of a `query`, `queryAll` or Tooling `query` request. */
  readonly soql: string | undefined
  /** The body of a write as sent (JSON, or a Bulk API CSV), so a test can check what reached the org. */
  readonly body?: string
}

/** The REST surface of a fake org, as one `fetch`-style handler (mounted by msw or a local server). */
export class FakeRestApi {
  readonly org: FakeSalesforceOrg
  readonly bulk: FakeBulkEngine
  readonly approvals: FakeApprovalEngine
  /**
   * Every data API request answered or refused after sign-in, in order: what a test counts to
   * see how many calls an operation costs (the org's allocation counts the same calls).
   */
  readonly requests: Array<FakeRequestRecord> = []

  constructor(org: FakeSalesforceOrg) {
    this.org = org
    this.bulk = new FakeBulkEngine(org)
    this.approvals = new FakeApprovalEngine(org)
  }

  /** Answers one request. */
  async handle(request: Request): Promise<Response> {
    const url = new URL(request.url)
    try {
      if (url.pathname === "/services/oauth2/token" && request.method === "POST")
        return await this.token(request)
      if (url.origin !== this.org.instanceUrl)
        return json([{ errorCode: "NOT_FOUND", message: "unknown host" }], 404)
      const soap = /^\/services\/Soap\/u\/(\d+\.\d)$/.exec(url.pathname)
      if (soap && request.method === "POST")
        return await handleSoap(this.org, this.approvals, request, soap[1]!)
      const caller = this.authenticate(request, url)
      if (url.pathname === "/services/oauth2/userinfo") {
        return json({
          user_id: caller.userId,
          organization_id: this.org.orgId,
          preferred_username: this.usernameOf(caller.userId),
        })
      }
      return await this.data(request, url, caller)
    } catch (error) {
      if (error instanceof FakeRequestError) {
        return json(error.body(), error.status, { "sforce-limit-info": this.org.limitInfo() })
      }
      throw error
    }
  }

  private usernameOf(userId: string): string {
    return [...this.org.usersByName.entries()].find(([, id]) => id === userId)?.[0] ?? ""
  }

  // https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_jwt_flow.htm
  private async token(request: Request): Promise<Response> {
    const form = new URLSearchParams(await request.text())
    const fail = (error: string, description: string) => json({ error, error_description: description }, 400)
    if (form.get("grant_type") !== "urn:ietf:params:oauth:grant-type:jwt-bearer")
      return fail("unsupported_grant_type", "grant type not supported")
    const app = this.org.connectedApp
    if (!app) return fail("invalid_client_id", "client identifier invalid")
    const [header, payload, signature] = (form.get("assertion") ?? "").split(".")
    if (!header || !payload || !signature) return fail("invalid_grant", "invalid assertion")
    const verifier = createVerify("RSA-SHA256")
    verifier.update(`${header}.${payload}`)
    if (!verifier.verify(app.publicKey, base64UrlDecode(signature)))
      return fail("invalid_grant", "invalid assertion")
    const claims = JSON.parse(base64UrlDecode(payload).toString("utf8")) as Record<string, unknown>
    if (JSON.parse(base64UrlDecode(header).toString("utf8")).alg !== "RS256")
      return fail("invalid_grant", "invalid assertion")
    if (claims.iss !== app.clientId) return fail("invalid_client_id", "client identifier invalid")
    const audiences = ["https://login.salesforce.com", "https://test.salesforce.com", this.org.loginUrl]
    if (!audiences.includes(String(claims.aud))) return fail("invalid_grant", "audience is invalid")
    const nowSeconds = this.org.now() / 1000
    if (typeof claims.exp !== "number" || claims.exp < nowSeconds)
      return fail("invalid_grant", "expired authorization code")
    if (claims.exp > nowSeconds + 300)
      return fail("invalid_grant", "invalid assertion: exp is too far in the future")
    const userId = this.org.usersByName.get(String(claims.sub))
    if (!userId) return fail("invalid_grant", "user hasn't approved this consumer")
    return json({
      access_token: this.org.openSession(userId),
      scope: "api",
      instance_url: this.org.instanceUrl,
      id: `${this.org.loginUrl}/id/${this.org.orgId}/${userId}`,
      token_type: "Bearer",
    })
  }

  private authenticate(request: Request, url: URL): Caller {
    const header = request.headers.get("authorization") ?? ""
    const token = header.startsWith("Bearer ") ? header.slice(7) : ""
    const userId = this.org.sessions.get(token)
    if (!userId) throw new FakeRequestError(401, "INVALID_SESSION_ID", "Session expired or invalid")
    const options = request.headers.get("sforce-call-options") ?? ""
    const client = /client=([^,;\s]+)/.exec(options)?.[1]
    const version = /^\/services\/data\/v(\d+\.\d)/.exec(url.pathname)?.[1] ?? this.org.latestApiVersion
    return { userId, client, apiVersion: version }
  }

  private async delay(records: number): Promise<void> {
    const millis = this.org.latency.perRequestMillis + this.org.latency.perRecordMillis * records
    if (millis > 0) await sleep(millis)
  }

  private async data(request: Request, url: URL, caller: Caller): Promise<Response> {
    const match = /^\/services\/data\/v(\d+\.\d)(\/.*)?$/.exec(url.pathname)
    if (!match) throw new FakeRequestError(404, "NOT_FOUND", "The requested resource does not exist")
    const version = Number(match[1])
    if (version < 31 || version > Number(this.org.latestApiVersion)) {
      throw new FakeRequestError(
        404,
        "NOT_FOUND",
        `The requested resource does not exist (API version ${match[1]} is not served)`,
      )
    }
    const path = match[2] ?? "/"
    const segments = path.split("/").filter(Boolean).map(decodeURIComponent)
    const sentBody = request.method === "GET" ? undefined : await request.clone().text()
    this.requests.push({
      ...(sentBody === undefined ? {} : { body: sentBody }),
      method: request.method,
      path,
      soql:
        (segments.length === 1 && /^query(All)?$/.test(segments[0]!)) ||
        (segments.length === 2 && segments[0] === "tooling" && segments[1] === "query")
          ? (url.searchParams.get("q") ?? "")
          : undefined,
    })
    const kind =
      segments[0] === "tooling" ? "tooling" : segments[0] === "jobs" ? "bulk" : (segments[0] ?? "versions")
    this.org.countCall(kind)
    const headers = { "sforce-limit-info": this.org.limitInfo() }
    const body = request.method === "GET" || request.method === "DELETE" ? undefined : await request.text()
    const parsed = () => {
      try {
        return JSON.parse(body ?? "") as unknown
      } catch {
        throw new FakeRequestError(400, "JSON_PARSER_ERROR", "Unexpected character in the request body")
      }
    }
    const reply = async (): Promise<Response> => {
      const [head, second, third, fourth] = segments
      if ((head === "query" || head === "queryAll") && second === undefined) {
        await this.delay(0)
        return json(
          this.query(url.searchParams.get("q") ?? "", head === "queryAll", false, match[1]!),
          200,
          headers,
        )
      }
      if ((head === "query" || head === "queryAll") && second !== undefined) {
        await this.delay(0)
        return json(this.nextPage(second, match[1]!), 200, headers)
      }
      if (head === "tooling")
        return json(
          await this.toolingCall(request.method, segments.slice(1), url, parsed, match[1]!),
          200,
          headers,
        )
      if (head === "sobjects" && second && third === "describe")
        return json(this.describe(second), 200, headers)
      if (head === "sobjects" && second && third === undefined && request.method === "POST") {
        await this.delay(1)
        return this.saveOne(
          () => ({
            id: this.org.insert(second, this.org.canonicalValues(second, parsed() as FakeRecord), caller),
            created: true,
          }),
          201,
          headers,
        )
      }
      if (head === "sobjects" && second && third && fourth === undefined && request.method === "GET") {
        const found = this.org.findById(third)
        if (
          !found ||
          found.object !== this.org.store(second).definition.name ||
          found.record.IsDeleted === true
        ) {
          throw new FakeRequestError(404, "NOT_FOUND", "The requested resource does not exist")
        }
        const fields =
          url.searchParams.get("fields")?.split(",") ??
          this.org.store(second).definition.fields.map((field) => field.name)
        await this.delay(0)
        return json(this.org.project(second, found.record, fields), 200, headers)
      }
      if (head === "sobjects" && second && third && fourth === undefined && request.method === "PATCH") {
        await this.delay(1)
        const target = this.org.findById(third)
        if (
          !target ||
          target.object !== this.org.store(second).definition.name ||
          target.record.IsDeleted === true
        ) {
          throw new FakeRequestError(404, "NOT_FOUND", "The requested resource does not exist")
        }
        this.recordOrThrow(() =>
          this.org.update(second, third, this.org.canonicalValues(second, parsed() as FakeRecord), caller),
        )
        return new Response(null, { status: 204, headers })
      }
      if (head === "sobjects" && second && third && fourth !== undefined && request.method === "PATCH") {
        await this.delay(1)
        const outcome = this.recordOrThrow(() =>
          this.org.upsert(
            second,
            third,
            fourth,
            this.org.canonicalValues(second, parsed() as FakeRecord),
            caller,
          ),
        )
        return json(
          { id: outcome.id, success: true, errors: [], created: outcome.created },
          outcome.created ? 201 : 200,
          headers,
        )
      }
      if (head === "sobjects" && second && third && request.method === "DELETE") {
        this.org.remove(second, third, caller)
        return new Response(null, { status: 204, headers })
      }
      if (head === "composite" && second === "sobjects") {
        // Salesforce does not document that `Sforce-Call-Options` reaches the change events of
        // sObject Collections; the fake assumes the worst, so their changeOrigin names no client.
        const writer: Caller = { ...caller, client: undefined }
        return json(await this.collections(request.method, segments.slice(2), parsed(), writer), 200, headers)
      }
      if (head === "jobs" && second === "ingest")
        return await this.bulkCall(request.method, segments.slice(2), body, parsed, caller, headers)
      if (head === "process" && second === "approvals" && request.method === "POST") {
        await this.delay(0)
        const input = parsed() as { requests?: ReadonlyArray<RawApprovalRequest> }
        // The resource documents Submit, Approve and Reject; any other action type is not one it takes.
        const unknown = (input.requests ?? []).find(
          (entry) => !["Submit", "Approve", "Reject"].includes(String(entry.actionType)),
        )
        if (unknown)
          throw new FakeRequestError(
            400,
            "JSON_PARSER_ERROR",
            `Cannot deserialize value of type ProcessActionType from String "${String(unknown.actionType)}": not one of the values accepted (Submit, Approve, Reject)`,
          )
        return json(
          (input.requests ?? []).map((entry) => this.approvals.handle(entry, caller)),
          200,
          headers,
        )
      }
      if (head === "limits")
        return json(
          { DailyApiRequests: { Max: this.org.apiMax, Remaining: this.org.apiMax - this.org.apiUsed } },
          200,
          headers,
        )
      throw new FakeRequestError(404, "NOT_FOUND", "The requested resource does not exist")
    }
    return await reply()
  }

  private recordOrThrow<A>(work: () => A): A {
    try {
      return work()
    } catch (error) {
      if (error instanceof FakeRecordError)
        throw new FakeRequestError(400, error.statusCode, error.message, error.fields)
      throw error
    }
  }

  private saveOne(
    work: () => { id: string; created: boolean },
    status: number,
    headers: Record<string, string>,
  ): Response {
    const outcome = this.recordOrThrow(work)
    return json({ id: outcome.id, success: true, errors: [] }, status, headers)
  }

  private query(soql: string, includeDeleted: boolean, tooling: boolean, version: string) {
    const { rows, count } = this.org.query(soql, { includeDeleted, tooling })
    if (count !== undefined) return { totalSize: count, done: true, records: [] }
    return this.page(rows, 0, rows.length, version, tooling)
  }

  private page(rows: Array<FakeRecord>, position: number, total: number, version: string, tooling: boolean) {
    const batch = rows.slice(position, position + this.org.queryBatchSize)
    const next = position + batch.length
    if (next >= rows.length) return { totalSize: total, done: true, records: batch }
    const locator = `01g5g00000${this.org.queryCursors.size + 1}`.padEnd(15, "A")
    this.org.queryCursors.set(locator, { rows, position: next, total })
    return {
      totalSize: total,
      done: false,
      nextRecordsUrl: `/services/data/v${version}${tooling ? "/tooling" : ""}/query/${locator}-${next}`,
      records: batch,
    }
  }

  private nextPage(locatorAndPosition: string, version: string) {
    const locator = locatorAndPosition.split("-")[0]!
    const cursor = this.org.queryCursors.get(locator)
    if (!cursor) throw new FakeRequestError(400, "INVALID_QUERY_LOCATOR", "invalid query locator")
    this.org.queryCursors.delete(locator)
    return this.page(cursor.rows, cursor.position, cursor.total, version, false)
  }

  // https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_composite_sobjects_collections.htm
  private async collections(
    method: string,
    rest: ReadonlyArray<string>,
    body: unknown,
    caller: Caller,
  ): Promise<Array<RawSaveResult>> {
    const input = body as { allOrNone?: boolean; records?: ReadonlyArray<FakeRecord> }
    const records = input.records ?? []
    if (records.length > 200) {
      throw new FakeRequestError(
        400,
        "EXCEEDED_ID_LIMIT",
        "record limit reached. cannot submit more than 200 records into this call",
      )
    }
    const typeOf = (record: FakeRecord) => {
      const type = (record.attributes as { type?: string } | undefined)?.type ?? rest[0]
      if (!type) throw new FakeRequestError(400, "INVALID_TYPE", "Must specify a type in attributes")
      return type
    }
    const prepared = records.map((record) => ({
      type: typeOf(record),
      values: this.org.canonicalValues(typeOf(record), record),
    }))
    const types = new Set(prepared.map((entry) => entry.type.toLowerCase()))
    if (types.size > 10)
      throw new FakeRequestError(400, "INVALID_BATCH", "collections take records of at most 10 types")
    await this.delay(records.length)
    const results: Array<RawSaveResult> = []
    for (const entry of prepared) {
      try {
        if (method === "POST") {
          results.push({ id: this.org.insert(entry.type, entry.values, caller), success: true, errors: [] })
        } else if (method === "PATCH" && rest.length === 2) {
          const field = this.org.fieldOf(entry.type, rest[1]!)
          const key = field ? entry.values[field.name] : undefined
          if (typeof key !== "string" || key === "")
            throw new FakeRecordError("MISSING_ARGUMENT", `${rest[1]} not specified`, [rest[1]!])
          const outcome = this.org.upsert(entry.type, rest[1]!, key, entry.values, caller)
          results.push({ id: outcome.id, success: true, errors: [], created: outcome.created })
        } else if (method === "PATCH") {
          const id = String(entry.values.Id ?? "")
          const values = { ...entry.values }
          delete values.Id
          results.push({ id: this.org.update(entry.type, id, values, caller), success: true, errors: [] })
        } else throw new FakeRequestError(405, "METHOD_NOT_ALLOWED", `HTTP Method '${method}' not allowed`)
      } catch (error) {
        if (!(error instanceof FakeRecordError)) throw error
        results.push({ id: null, success: false, errors: [error.body()] })
      }
    }
    if (input.allOrNone && results.some((result) => !result.success)) {
      throw new FakeRequestError(
        400,
        "ALL_OR_NONE_OPERATION_ROLLED_BACK",
        "Record rolled back because not all records were valid and the request was using AllOrNone header",
      )
    }
    return results
  }

  private describe(object: string): RawDescribe {
    const store = this.org.store(object)
    return {
      name: store.definition.name,
      fields: store.definition.fields.map((field) => ({
        name: field.name,
        label: field.label,
        type: field.type,
        custom: field.custom,
        externalId: field.externalId ?? false,
        updateable: !field.readOnly && field.name !== "Id",
        createable: !field.readOnly && field.name !== "Id",
        ...(field.length === undefined ? {} : { length: field.length }),
        inlineHelpText: field.inlineHelpText ?? null,
        picklistValues: field.picklistValues ?? [],
      })),
      recordTypeInfos: this.org
        .records("RecordType")
        .filter((row) => row.SobjectType === store.definition.name)
        .map((row) => ({
          recordTypeId: row.Id as string,
          developerName: row.DeveloperName as string,
          active: true,
        })),
    }
  }

  // https://developer.salesforce.com/docs/atlas.en-us.api_tooling.meta/api_tooling/tooling_api_objects_customfield.htm
  private async toolingCall(
    method: string,
    rest: ReadonlyArray<string>,
    url: URL,
    parsed: () => unknown,
    version: string,
  ): Promise<unknown> {
    const [head, second, third] = rest
    if (head === "query") return this.query(url.searchParams.get("q") ?? "", false, true, version)
    if (head !== "sobjects" || second !== "CustomField")
      throw new FakeRequestError(404, "NOT_FOUND", "The requested resource does not exist")
    if (method === "POST") {
      const body = parsed() as { FullName?: string; Metadata?: Record<string, unknown> }
      return this.createCustomField(body.FullName ?? "", body.Metadata ?? {})
    }
    const row = third ? this.org.customFields.get(third) : undefined
    if (!row) throw new FakeRequestError(404, "NOT_FOUND", "The requested resource does not exist")
    if (method === "GET") return { attributes: { type: "CustomField" }, ...row }
    if (method === "PATCH") {
      const body = parsed() as { Metadata?: Record<string, unknown> }
      for (const target of row.TableEnumOrId === "Activity" ? ["Task", "Event"] : [row.TableEnumOrId]) {
        this.applyMetadata(target, `${row.DeveloperName}__c`, body.Metadata ?? {}, false)
      }
      row.Metadata = { ...row.Metadata, ...body.Metadata }
      return { id: row.Id, success: true, errors: [] }
    }
    throw new FakeRequestError(405, "METHOD_NOT_ALLOWED", `HTTP Method '${method}' not allowed`)
  }

  private createCustomField(fullName: string, metadata: Record<string, unknown>) {
    const [object, name] = fullName.split(".")
    if (
      !object ||
      !name ||
      !/^[A-Za-z][A-Za-z0-9_]*__c$/.test(name) ||
      name.includes("___") ||
      name.length > 43
    ) {
      throw new FakeRequestError(400, "INVALID_FIELD", `FullName ${fullName} must be Object.Name__c`)
    }
    // Activity fields are defined once and appear on both Task and Event.
    const canonicalObject =
      object.toLowerCase() === "activity" ? "Activity" : this.org.store(object).definition.name
    const targets = canonicalObject === "Activity" ? ["Task", "Event"] : [canonicalObject]
    for (const target of targets) {
      if (this.org.fieldOf(target, name)) {
        throw new FakeRequestError(
          400,
          "DUPLICATE_DEVELOPER_NAME",
          `There is already a field named ${name} on ${canonicalObject}.`,
        )
      }
    }
    for (const target of targets) this.applyMetadata(target, name, metadata, true)
    const id = this.org.nextId("00N")
    this.org.customFields.set(id, {
      Id: id,
      DeveloperName: name.slice(0, -3),
      TableEnumOrId: canonicalObject,
      FullName: `${canonicalObject}.${name}`,
      Metadata: metadata,
    })
    return { id, success: true, errors: [] }
  }

  private applyMetadata(
    object: string,
    name: string,
    metadata: Record<string, unknown>,
    creating: boolean,
  ): void {
    const type = String(metadata.type ?? "")
    const describeType = describeTypeOf[type]
    if (creating && !describeType)
      throw new FakeRequestError(400, "FIELD_INTEGRITY_EXCEPTION", `Unsupported field type: ${type}`)
    if (typeof metadata.label !== "string" || metadata.label.length === 0 || metadata.label.length > 40) {
      throw new FakeRequestError(
        400,
        "FIELD_INTEGRITY_EXCEPTION",
        "Field label: must be 1 to 40 characters",
        ["label"],
      )
    }
    if (
      type === "Text" &&
      !(typeof metadata.length === "number" && metadata.length >= 1 && metadata.length <= 255)
    ) {
      throw new FakeRequestError(
        400,
        "FIELD_INTEGRITY_EXCEPTION",
        "Length: a Text field needs a length from 1 to 255",
        ["length"],
      )
    }
    const valueSet = metadata.valueSet as
      | {
          valueSetDefinition?: {
            value?: ReadonlyArray<{ fullName: string; label: string; default?: boolean }>
          }
          restricted?: boolean
        }
      | undefined
    if (
      (type === "Picklist" || type === "MultiselectPicklist") &&
      !valueSet?.valueSetDefinition?.value?.length
    ) {
      throw new FakeRequestError(
        400,
        "FIELD_INTEGRITY_EXCEPTION",
        "Values: a picklist needs at least one value",
        ["valueSet"],
      )
    }
    const picklistValues = valueSet?.valueSetDefinition?.value?.map((entry) => ({
      value: entry.fullName,
      label: entry.label,
      active: true,
      defaultValue: entry.default ?? false,
    }))
    const existing = this.org.fieldOf(object, name)
    if (existing) {
      existing.label = metadata.label
      if (describeType) existing.type = describeType
      if (picklistValues) {
        // The org keeps removed values as inactive; tixi only ever adds.
        const kept = (existing.picklistValues ?? [])
          .filter((entry) => !picklistValues.some((next) => next.value === entry.value))
          .map((entry) => ({ ...entry, active: false }))
        existing.picklistValues = [...picklistValues, ...kept]
      }
      if (typeof metadata.inlineHelpText === "string") existing.inlineHelpText = metadata.inlineHelpText
      if (typeof metadata.description === "string") existing.description = metadata.description
      return
    }
    const field: FakeField = {
      name,
      label: metadata.label,
      type: describeType!,
      custom: true,
      externalId: metadata.externalId === true,
      unique: metadata.unique === true,
      ...(typeof metadata.length === "number" ? { length: metadata.length } : {}),
      ...(picklistValues ? { picklistValues, restricted: valueSet?.restricted === true } : {}),
      ...(typeof metadata.inlineHelpText === "string" ? { inlineHelpText: metadata.inlineHelpText } : {}),
      ...(typeof metadata.description === "string" ? { description: metadata.description } : {}),
      ...(typeof metadata.referenceTo === "string"
        ? {
            referenceTo: [metadata.referenceTo],
            relationshipName: String(metadata.relationshipName ?? name.replace(/__c$/, "__r")),
          }
        : {}),
    }
    this.org.addField(object, field)
  }

  // https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/walkthrough_upload_data.htm
  private async bulkCall(
    method: string,
    rest: ReadonlyArray<string>,
    body: string | undefined,
    parsed: () => unknown,
    caller: Caller,
    headers: Record<string, string>,
  ): Promise<Response> {
    const [jobId, resource] = rest
    await this.delay(0)
    if (jobId === undefined && method === "POST")
      return json(this.bulk.create(parsed() as Record<string, unknown>, caller), 200, headers)
    if (jobId === undefined) throw new FakeRequestError(405, "METHOD_NOT_ALLOWED", "use POST to create a job")
    if (resource === "batches" && method === "PUT") {
      this.bulk.upload(jobId, body ?? "")
      return new Response(null, { status: 201, headers })
    }
    if (resource === undefined && method === "PATCH")
      return json(this.bulk.setState(jobId, String((parsed() as { state?: unknown }).state)), 200, headers)
    if (resource === undefined && method === "GET") {
      const job = this.bulk.job(jobId)
      this.bulk.advance(job)
      return json(this.bulk.info(job), 200, headers)
    }
    if (resource === undefined && method === "DELETE") {
      this.org.bulkJobs.delete(jobId)
      return new Response(null, { status: 204, headers })
    }
    if (
      (resource === "successfulResults" ||
        resource === "failedResults" ||
        resource === "unprocessedrecords") &&
      method === "GET"
    ) {
      return new Response(this.bulk.results(jobId, resource), {
        status: 200,
        headers: { ...headers, "content-type": "text/csv" },
      })
    }
    throw new FakeRequestError(404, "NOT_FOUND", "The requested resource does not exist")
  }
}
