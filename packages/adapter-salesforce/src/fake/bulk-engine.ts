import { parse } from "csv-parse/sync"
import { writeCsv } from "../mapping/csv.ts"
import type { RawBulkJob } from "../vendor/rest.ts"
import type { Caller, FakeBulkJob, FakeRecord, FakeSalesforceOrg } from "./fake-org.ts"
import { FakeRecordError, FakeRequestError } from "./org-errors.ts"

/**
 * Bulk API 2.0 ingest jobs as the org runs them: Open → (upload) → UploadComplete → InProgress →
 * JobComplete / Failed / Aborted. Processing takes `records / bulkRecordsPerSecond` seconds from
 * the close; results are written per row (successful with `sf__Id`, `sf__Created`; failed with
 * `sf__Error`; unprocessed when the job stopped before reaching them).
 */
// https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/bulk_api_2_0.htm
export class FakeBulkEngine {
  private readonly org: FakeSalesforceOrg
  /** Each job's upload as rows, parsed once; a string is why the upload could not be parsed. */
  private readonly parsed = new WeakMap<FakeBulkJob, ReadonlyArray<ReadonlyArray<string>> | string>()
  constructor(org: FakeSalesforceOrg) {
    this.org = org
  }

  /**
   * A job's CSV as rows, read with a maintained CSV library (csv-parse: RFC 4180, comma, LF) and
   * not with the adapter's own reader, so a bug in tixi's CSV writer cannot pass unseen: a
   * malformed upload, or a row whose cells do not match the header, is a parse failure.
   */
  // https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/datafiles_prepare_csv.htm
  private rowsOf(job: FakeBulkJob): ReadonlyArray<ReadonlyArray<string>> | string {
    const known = this.parsed.get(job)
    if (known !== undefined) return known
    let rows: ReadonlyArray<ReadonlyArray<string>> | string
    try {
      rows = parse(job.data, { delimiter: ",", record_delimiter: "\n", skip_empty_lines: true }) as Array<
        Array<string>
      >
    } catch (error) {
      rows = String((error as Error).message)
    }
    this.parsed.set(job, rows)
    return rows
  }

  create(body: Record<string, unknown>, caller: Caller): RawBulkJob {
    const object = String(body.object ?? "")
    const operation = body.operation
    if (!this.org.hasObject(object))
      throw new FakeRequestError(400, "INVALIDJOB", `InvalidJob : Unable to find object: ${object}`)
    if (operation !== "insert" && operation !== "update" && operation !== "upsert") {
      throw new FakeRequestError(400, "INVALIDJOB", `InvalidJob : Invalid operation: ${String(operation)}`)
    }
    const externalIdFieldName =
      typeof body.externalIdFieldName === "string" ? body.externalIdFieldName : undefined
    if (operation === "upsert") {
      const field = externalIdFieldName ? this.org.fieldOf(object, externalIdFieldName) : undefined
      if (!field || !(field.externalId || field.name === "Id")) {
        throw new FakeRequestError(
          400,
          "INVALIDJOB",
          `InvalidJob : Field name provided, ${externalIdFieldName} does not match an External ID, Salesforce Id, or indexed field for ${object}`,
        )
      }
    }
    const job: FakeBulkJob = {
      id: this.org.nextId("750"),
      object: this.org.store(object).definition.name,
      operation,
      externalIdFieldName,
      state: "Open",
      data: "",
      closedAt: undefined,
      client: caller.client ?? "",
      actor: caller.userId,
      successful: [],
      failed: [],
      unprocessed: [],
      processed: 0,
      header: [],
      errorMessage: null,
    }
    this.org.bulkJobs.set(job.id, job)
    return this.info(job)
  }

  job(id: string): FakeBulkJob {
    const job = this.org.bulkJobs.get(id)
    if (!job) throw new FakeRequestError(404, "NOT_FOUND", "The requested resource does not exist")
    return job
  }

  upload(id: string, csv: string): void {
    const job = this.job(id)
    if (job.state !== "Open")
      throw new FakeRequestError(
        409,
        "INVALIDJOBSTATE",
        `Job ${id} is not open for uploads (state ${job.state})`,
      )
    // The limit applies to the upload after base64 encoding: 4 bytes for every 3, rounded up.
    if (Math.ceil(Buffer.byteLength(csv) / 3) * 4 > this.org.bulkUploadLimitBase64Bytes)
      throw new FakeRequestError(
        400,
        "INVALIDBATCH",
        `InvalidBatch : The upload exceeds ${this.org.bulkUploadLimitBase64Bytes} bytes after base64 encoding`,
      )
    if (job.data !== "")
      throw new FakeRequestError(409, "INVALIDJOBSTATE", "Bulk API 2.0 takes one upload per job")
    job.data = csv
  }

  setState(id: string, state: string): RawBulkJob {
    const job = this.job(id)
    if (state === "UploadComplete") {
      if (job.state !== "Open")
        throw new FakeRequestError(409, "INVALIDJOBSTATE", `Job ${id} is ${job.state}`)
      job.state = "UploadComplete"
      job.closedAt = this.org.now()
    } else if (state === "Aborted") {
      if (job.state === "JobComplete" || job.state === "Failed")
        throw new FakeRequestError(409, "INVALIDJOBSTATE", `Job ${id} is ${job.state}`)
      this.advance(job)
      if ((job.state as string) !== "JobComplete" && (job.state as string) !== "Failed") {
        job.state = "Aborted"
        this.stopAt(job, job.processed)
      }
    } else throw new FakeRequestError(400, "INVALIDJOBSTATE", `Cannot set state ${state}`)
    return this.info(job)
  }

  /** Moves a job forward by the time that has passed since it was closed. */
  advance(job: FakeBulkJob): void {
    if (job.state !== "UploadComplete" && job.state !== "InProgress") return
    const rows = this.rowsOf(job)
    if (typeof rows === "string") {
      // The org takes the upload, then fails the job when it cannot read it.
      job.state = "Failed"
      job.errorMessage = `InvalidBatch : Failed to parse CSV: ${rows}`
      return
    }
    job.header = [...(rows[0] ?? [])]
    const total = Math.max(0, rows.length - 1)
    job.state = "InProgress"
    if (this.org.holdBulkJobs) return
    const elapsedSeconds = (this.org.now() - (job.closedAt ?? 0)) / 1000
    const rate = this.org.latency.bulkRecordsPerSecond
    const due = rate === Number.POSITIVE_INFINITY ? total : Math.min(total, Math.floor(elapsedSeconds * rate))
    const limit = this.org.bulkFailAfterRecords
    const target = limit === undefined ? due : Math.min(due, limit)
    const caller: Caller = {
      userId: job.actor,
      client: job.client || undefined,
      apiVersion: this.org.latestApiVersion,
    }
    for (let index = job.processed; index < target; index++) this.applyRow(job, rows[index + 1]!, caller)
    job.processed = target
    if (limit !== undefined && job.processed >= limit && total > limit) {
      job.state = "Failed"
      job.errorMessage = "InvalidBatch : processing stopped after a batch failed"
      this.stopAt(job, job.processed)
    } else if (job.processed >= total) job.state = "JobComplete"
  }

  private stopAt(job: FakeBulkJob, processed: number): void {
    const rows = this.rowsOf(job)
    if (typeof rows === "string") return
    job.unprocessed = rows
      .slice(processed + 1)
      .map((row) => Object.fromEntries(job.header.map((name, column) => [name, row[column] ?? ""])))
  }

  private applyRow(job: FakeBulkJob, row: ReadonlyArray<string>, caller: Caller): void {
    const original = Object.fromEntries(job.header.map((name, column) => [name, row[column] ?? ""]))
    try {
      const values: FakeRecord = {}
      for (const [name, cell] of Object.entries(original)) {
        if (cell === "") continue
        values[name] = cell === "#N/A" ? null : cell
      }
      const canonical = this.org.canonicalValues(job.object, values)
      let id: string
      let created = false
      if (job.operation === "insert") {
        id = this.org.insert(job.object, canonical, caller)
        created = true
      } else if (job.operation === "update") {
        const recordId = String(canonical.Id ?? "")
        delete canonical.Id
        id = this.org.update(job.object, recordId, canonical, caller)
      } else {
        const field = this.org.fieldOf(job.object, job.externalIdFieldName!)!
        const key = String(canonical[field.name] ?? "")
        if (key === "")
          throw new FakeRecordError("MISSING_ARGUMENT", `${field.name} not specified`, [field.name])
        const outcome = this.org.upsert(job.object, field.name, key, canonical, caller)
        id = outcome.id
        created = outcome.created
      }
      job.successful.push({ sf__Id: id, sf__Created: String(created), ...original })
    } catch (error) {
      if (error instanceof FakeRecordError || error instanceof FakeRequestError) {
        const code = error instanceof FakeRecordError ? error.statusCode : error.errorCode
        const fields = error.fields.join(",")
        job.failed.push({ sf__Id: "", sf__Error: `${code}:${error.message}:${fields} --`, ...original })
      } else throw error
    }
  }

  results(id: string, kind: "successfulResults" | "failedResults" | "unprocessedrecords"): string {
    const job = this.job(id)
    this.advance(job)
    if (job.state !== "JobComplete" && job.state !== "Failed" && job.state !== "Aborted") {
      throw new FakeRequestError(
        400,
        "INVALIDJOBSTATE",
        `Job ${id} is ${job.state}; results are available once it has finished`,
      )
    }
    if (kind === "successfulResults") {
      return writeCsv(
        ["sf__Id", "sf__Created", ...job.header],
        job.successful.map((row) => ["sf__Id", "sf__Created", ...job.header].map((name) => row[name] ?? "")),
      )
    }
    if (kind === "failedResults") {
      return writeCsv(
        ["sf__Id", "sf__Error", ...job.header],
        job.failed.map((row) => ["sf__Id", "sf__Error", ...job.header].map((name) => row[name] ?? "")),
      )
    }
    return writeCsv(
      job.header,
      job.unprocessed.map((row) => job.header.map((name) => row[name] ?? "")),
    )
  }

  info(job: FakeBulkJob): RawBulkJob {
    return {
      id: job.id,
      operation: job.operation,
      object: job.object,
      state: job.state,
      ...(job.externalIdFieldName === undefined ? {} : { externalIdFieldName: job.externalIdFieldName }),
      numberRecordsProcessed: job.successful.length + job.failed.length,
      numberRecordsFailed: job.failed.length,
      errorMessage: job.errorMessage,
      contentUrl: `services/data/v${this.org.latestApiVersion}/jobs/ingest/${job.id}/batches`,
    }
  }
}
