/** How a batch of records is written. */
export type WritePath = "collections" | "bulk" | "perRecord"

/** What a write is estimated to cost, in API calls (the org's daily allocation). */
export interface WriteEstimate {
  readonly path: WritePath
  readonly calls: number
  /** Estimated seconds before the last record is written (Bulk: processing; others: 0). */
  readonly waitSeconds: number
}

/** The assumptions of the cost model. */
export interface WriteCostModel {
  /** Records Salesforce is assumed to process per second in a Bulk job (default 1,000). */
  readonly bulkRecordsPerSecond: number
  readonly pollInitialMillis: number
  readonly pollMaxMillis: number
  /** Bulk is used only from this many records (Salesforce recommends it above 2,000). */
  readonly bulkThreshold: number
  /** The most CSV bytes one Bulk upload (one job) carries; more records take more jobs. */
  readonly bulkUploadMaxBytes: number
}

/** Status polls until a job of `seconds` is seen finished, with doubling waits up to the maximum. */
export function pollsFor(seconds: number, model: WriteCostModel): number {
  let waited = 0
  let wait = model.pollInitialMillis
  let polls = 0
  do {
    waited += wait
    wait = Math.min(model.pollMaxMillis, wait * 2)
    polls += 1
  } while (waited < seconds * 1000 && polls < 10_000)
  return polls
}

/**
 * Every path's cost for `records` records: one call per record; one sObject Collections call per
 * 200; or a Bulk API 2.0 job: create, upload, close, the status polls, and the successful-results
 * file (the failed and unprocessed files are fetched only when the job reports such rows).
 */
export function estimateWrite(records: number, model: WriteCostModel): ReadonlyArray<WriteEstimate> {
  const waitSeconds = records / model.bulkRecordsPerSecond
  return [
    { path: "perRecord", calls: records, waitSeconds: 0 },
    { path: "collections", calls: Math.ceil(records / 200), waitSeconds: 0 },
    { path: "bulk", calls: 4 + pollsFor(waitSeconds, model), waitSeconds },
  ]
}

/**
 * The cheapest path in API calls: Bulk from the threshold on when it costs fewer calls than
 * collections, else collections. One call per record is never cheaper for more than one record;
 * it is kept as the baseline the benchmark measures against.
 */
export function chooseWritePath(records: number, model: WriteCostModel): WriteEstimate {
  const [, collections, bulk] = estimateWrite(records, model) as [WriteEstimate, WriteEstimate, WriteEstimate]
  return records >= model.bulkThreshold && bulk.calls < collections.calls ? bulk : collections
}
