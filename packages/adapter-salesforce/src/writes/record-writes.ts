import { chunk } from "@tixi/adapter-kit"
import { InvalidRequest, PortFailure, Unavailable } from "@tixi/core"
import { Effect } from "effect"
import type { SalesforceClient } from "../client/salesforce-client.ts"
import {
  type FailureSite,
  failureFromBulkRow,
  failureFromRecordErrors,
  unprocessedFailure,
} from "../errors/map-salesforce-error.ts"
import { shortId } from "../mapping/record-ids.ts"
import { createIngestJob } from "../operations/bulk/create-ingest-job.ts"
import { getJob } from "../operations/bulk/get-job.ts"
import { getJobResults } from "../operations/bulk/get-job-results.ts"
import { setJobState } from "../operations/bulk/set-job-state.ts"
import { uploadJobData } from "../operations/bulk/upload-job-data.ts"
import { updateCollection } from "../operations/rest/update-collection.ts"
import { updateRecord } from "../operations/rest/update-record.ts"
import { upsertCollection } from "../operations/rest/upsert-collection.ts"
import { upsertRecord } from "../operations/rest/upsert-record.ts"
import type { RawBulkJob, RawSaveResult } from "../vendor/rest.ts"
import { planBulkUploads } from "./bulk-uploads.ts"
import { chooseWritePath, type WriteCostModel, type WritePath } from "./write-plan.ts"

/** Records of one object to write: matched on an external id (upsert) or on their Id (update). */
export interface RecordWrite {
  readonly object: string
  readonly operation: "upsert" | "update"
  /** The external-id field for upserts. */
  readonly externalIdField?: string
  /** Field values by API name; upserts carry the external id, updates the `Id`. */
  readonly records: ReadonlyArray<Readonly<Record<string, unknown>>>
}

/** One record's outcome, by input index. */
export type RecordOutcome =
  | { readonly index: number; readonly ok: true; readonly id: string; readonly created: boolean }
  | { readonly index: number; readonly ok: false; readonly error: PortFailure }

/** What a write did: outcomes per record, the path taken and the calls it cost. */
export interface WriteReport {
  readonly path: WritePath
  readonly outcomes: ReadonlyArray<RecordOutcome>
  readonly calls: number
  /** Bulk jobs the write ran, for tracking. */
  readonly jobIds: ReadonlyArray<string>
}

/** Options of a write. */
export interface WriteOptions {
  readonly site: FailureSite
  /** Force a path (the benchmark compares them); tixi chooses the cheapest otherwise. */
  readonly path?: WritePath
  /**
   * Called with each Bulk job id as soon as it exists, and the slice of the records it carries
   * (a write larger than one upload runs several jobs), so a caller can persist it and resume
   * the job after a crash with `resumeBulkJob(jobId, <those records>)`.
   */
  readonly onBulkJob?: (
    jobId: string,
    records: { readonly start: number; readonly count: number },
  ) => Effect.Effect<void>
}

const keyOf = (write: RecordWrite, record: Readonly<Record<string, unknown>>) =>
  String(
    write.operation === "update" ? shortId(String(record.Id ?? "")) : (record[write.externalIdField!] ?? ""),
  ).toLowerCase()

/**
 * Writes records by the cheapest path (see `chooseWritePath`), checking first that the plan fits
 * in the org's remaining allocation. Every record gets its own outcome: collections report per
 * record; Bulk jobs are followed to the end and their successful, failed and unprocessed rows are
 * tied back to the inputs by key.
 */
export const writeRecords = (
  client: SalesforceClient,
  write: RecordWrite,
  model: WriteCostModel,
  options: WriteOptions,
): Effect.Effect<WriteReport, PortFailure> =>
  Effect.gen(function* () {
    const before = yield* client.callsSent
    const chosen = options.path ?? chooseWritePath(write.records.length, model).path
    if (write.records.length === 0) return { path: chosen, outcomes: [], calls: 0, jobIds: [] }
    const uploads =
      chosen === "bulk"
        ? planBulkUploads(bulkColumns(write), write.records, model.bulkUploadMaxBytes)
        : undefined
    const estimate =
      chosen === "perRecord"
        ? write.records.length
        : chosen === "collections"
          ? Math.ceil(write.records.length / 200)
          : 5 * uploads!.uploads.length
    yield* client.reserveCalls(estimate, options.site.port, options.site.operation)
    let outcomes: Array<RecordOutcome>
    const jobIds: Array<string> = []
    if (uploads) {
      outcomes = uploads.oversized.map((index) => oversizedFailure(index, model, options.site))
      // One job per upload, one after the other: each holds one of the org's open-job slots.
      for (const upload of uploads.uploads) {
        const slice: RecordWrite = {
          ...write,
          records: write.records.slice(upload.start, upload.start + upload.count),
        }
        const job = yield* startBulkJob(client, write, upload.csv, options.site.operation)
        jobIds.push(job.id)
        if (options.onBulkJob) yield* options.onBulkJob(job.id, { start: upload.start, count: upload.count })
        const done = yield* finishBulkJob(client, slice, job.id, model, options.site)
        outcomes.push(...done.map((outcome) => ({ ...outcome, index: outcome.index + upload.start })))
      }
      outcomes.sort((left, right) => left.index - right.index)
    } else if (chosen === "collections") {
      const batches = chunk(write.records, 200)
      const results = yield* Effect.forEach(
        batches,
        (batch) =>
          write.operation === "upsert"
            ? upsertCollection(client, {
                object: write.object,
                externalIdField: write.externalIdField!,
                records: batch,
                operation: options.site.operation,
              })
            : updateCollection(client, {
                object: write.object,
                records: batch,
                operation: options.site.operation,
              }),
        { concurrency: client.settings.maxConcurrentRequests },
      )
      outcomes = results.flatMap((batchResults, batchIndex) =>
        batchResults.map((result, position) =>
          fromSaveResult(batchIndex * 200 + position, result, options.site, batches[batchIndex]![position]),
        ),
      )
    } else {
      outcomes = yield* Effect.forEach(
        write.records,
        (record, index) => {
          const one =
            write.operation === "upsert"
              ? upsertRecord(client, {
                  object: write.object,
                  externalIdField: write.externalIdField!,
                  key: String(record[write.externalIdField!]),
                  values: withoutKey(record, write.externalIdField!),
                  operation: options.site.operation,
                })
              : Effect.as(
                  updateRecord(client, {
                    object: write.object,
                    id: String(record.Id),
                    values: withoutKey(record, "Id"),
                    operation: options.site.operation,
                  }),
                  { id: String(record.Id), success: true, errors: [] } satisfies RawSaveResult,
                )
          return Effect.map(
            Effect.result(one),
            (result): RecordOutcome =>
              result._tag === "Success"
                ? fromSaveResult(index, result.success, options.site, record)
                : { index, ok: false, error: result.failure },
          )
        },
        { concurrency: client.settings.maxConcurrentRequests },
      )
    }
    return { path: chosen, outcomes, calls: (yield* client.callsSent) - before, jobIds }
  })

const withoutKey = (record: Readonly<Record<string, unknown>>, key: string) => {
  const copy = { ...record }
  delete copy[key]
  return copy
}

function fromSaveResult(
  index: number,
  result: RawSaveResult,
  site: FailureSite,
  record: Readonly<Record<string, unknown>> | undefined,
): RecordOutcome {
  if (result.success && result.id) return { index, ok: true, id: result.id, created: result.created ?? false }
  return {
    index,
    ok: false,
    error: failureFromRecordErrors(
      { ...site, resource: "record", id: String(record?.Id ?? "") },
      result.errors,
    ),
  }
}

/** The CSV columns of a Bulk write: every field any of its records sets. */
const bulkColumns = (write: RecordWrite) => [
  ...new Set(write.records.flatMap((record) => Object.keys(record))),
]

/** A record whose CSV line alone exceeds the upload limit: no job can carry it. */
const oversizedFailure = (index: number, model: WriteCostModel, site: FailureSite): RecordOutcome => ({
  index,
  ok: false,
  error: new PortFailure({
    port: site.port,
    operation: site.operation,
    reason: new InvalidRequest({
      fields: [
        {
          field: `records[${index}]`,
          message: `its CSV line exceeds the Bulk upload limit of ${model.bulkUploadMaxBytes} bytes`,
        },
      ],
    }),
    detail: `records[${index}]: too large for one Bulk API 2.0 upload (${model.bulkUploadMaxBytes} bytes)`,
  }),
})

/** Opens, fills (one upload: `csv`, within the limit) and closes a Bulk API 2.0 job; processing starts at the close. */
export const startBulkJob = (client: SalesforceClient, write: RecordWrite, csv: string, caller: string) =>
  Effect.gen(function* () {
    const job = yield* createIngestJob(client, {
      object: write.object,
      operation: write.operation,
      ...(write.operation === "upsert" ? { externalIdFieldName: write.externalIdField! } : {}),
      caller,
    })
    const upload = uploadJobData(client, { jobId: job.id, csv, caller })
    // A job left open would hold the org's open-job slot for a day; abort it if the upload fails.
    yield* Effect.catch(upload, (failure: PortFailure) =>
      Effect.flatMap(Effect.ignore(setJobState(client, { jobId: job.id, state: "Aborted", caller })), () =>
        Effect.fail(failure),
      ),
    )
    return yield* setJobState(client, { jobId: job.id, state: "UploadComplete", caller })
  })

/**
 * Follows a closed job until it finishes, polling on tixi's own schedule (doubling waits up to the
 * maximum) with no overall time limit: a job that keeps running is still Salesforce's work in
 * progress, and abandoning it (jsforce's `PollingTimeout`) loses the results. A caller that must
 * stop can interrupt and later call this again with the job id: it resumes where the job is.
 */
export const awaitBulkJob = (
  client: SalesforceClient,
  jobId: string,
  model: WriteCostModel,
  caller: string,
) =>
  Effect.gen(function* () {
    let wait = model.pollInitialMillis
    for (;;) {
      const job = yield* getJob(client, { jobId, caller })
      if (job.state === "JobComplete" || job.state === "Failed" || job.state === "Aborted") return job
      yield* Effect.sleep(wait)
      wait = Math.min(model.pollMaxMillis, wait * 2)
    }
  })

/** Waits for a job and ties each result row back to the input record by its key. */
export const finishBulkJob = (
  client: SalesforceClient,
  write: RecordWrite,
  jobId: string,
  model: WriteCostModel,
  site: FailureSite,
): Effect.Effect<Array<RecordOutcome>, PortFailure> =>
  Effect.gen(function* () {
    const job: RawBulkJob = yield* awaitBulkJob(client, jobId, model, site.operation)
    const indexByKey = new Map<string, Array<number>>()
    write.records.forEach((record, index) => {
      const key = keyOf(write, record)
      const indexes = indexByKey.get(key) ?? []
      indexes.push(index)
      indexByKey.set(key, indexes)
    })
    const outcomes = new Map<number, RecordOutcome>()
    const keyColumn = write.operation === "update" ? "Id" : write.externalIdField!
    const take = (row: Record<string, string>, make: (index: number) => RecordOutcome) => {
      const value = row[keyColumn] ?? ""
      const key = (write.operation === "update" ? shortId(value) : value).toLowerCase()
      for (const index of indexByKey.get(key) ?? [])
        if (!outcomes.has(index)) outcomes.set(index, make(index))
    }
    for (const row of yield* getJobResults(client, {
      jobId,
      kind: "successfulResults",
      caller: site.operation,
    })) {
      take(row, (index) => ({ index, ok: true, id: row.sf__Id ?? "", created: row.sf__Created === "true" }))
    }
    if ((job.numberRecordsFailed ?? 0) > 0) {
      for (const row of yield* getJobResults(client, {
        jobId,
        kind: "failedResults",
        caller: site.operation,
      })) {
        take(row, (index) => ({
          index,
          ok: false,
          error: failureFromBulkRow(
            { ...site, resource: write.object, id: row[keyColumn] ?? "" },
            row.sf__Error ?? "",
          ),
        }))
      }
    }
    if (job.state !== "JobComplete") {
      for (const row of yield* getJobResults(client, {
        jobId,
        kind: "unprocessedrecords",
        caller: site.operation,
      })) {
        take(row, (index) => ({ index, ok: false, error: unprocessedFailure(site, job.state) }))
      }
    }
    return write.records.map(
      (_, index): RecordOutcome =>
        outcomes.get(index) ?? {
          index,
          ok: false,
          error: new PortFailure({
            port: site.port,
            operation: site.operation,
            reason: new Unavailable(),
            detail: `Bulk job ${jobId} ended ${job.state} without a result for this record`,
            vendor: { vendor: "salesforce", payload: job },
          }),
        },
    )
  })
