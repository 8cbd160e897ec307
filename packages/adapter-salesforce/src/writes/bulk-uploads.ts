import { csvLine } from "../mapping/csv.ts"

/** One Bulk API 2.0 upload: a slice of the write's records and their CSV. */
export interface BulkUpload {
  /** The index, in the whole write, of the upload's first record. */
  readonly start: number
  readonly count: number
  readonly csv: string
}

/** A write's records as uploads within the limit, and the records too large for any upload. */
export interface BulkUploadPlan {
  readonly uploads: ReadonlyArray<BulkUpload>
  /** Indexes of records whose line with the header exceeds the limit on its own. */
  readonly oversized: ReadonlyArray<number>
}

/**
 * Splits a write's rows into CSV uploads of at most `maxBytes` UTF-8 bytes each, header included
 * in every one: Bulk API 2.0 takes one upload per job and at most 150 MB (base64) per upload, so
 * a larger write becomes several jobs instead of a refused upload. Records keep their order.
 */
// https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/upload_job_data.htm
export function planBulkUploads(
  columns: ReadonlyArray<string>,
  records: ReadonlyArray<Readonly<Record<string, unknown>>>,
  maxBytes: number,
): BulkUploadPlan {
  const header = `${csvLine(columns)}\n`
  const headerBytes = Buffer.byteLength(header)
  const uploads: Array<BulkUpload> = []
  const oversized: Array<number> = []
  let lines: Array<string> = []
  let start = 0
  let bytes = headerBytes
  const flush = (next: number) => {
    if (lines.length > 0) uploads.push({ start, count: lines.length, csv: header + lines.join("") })
    lines = []
    start = next
    bytes = headerBytes
  }
  records.forEach((record, index) => {
    const line = `${csvLine(columns.map((column) => (column in record ? record[column] : undefined)))}\n`
    const lineBytes = Buffer.byteLength(line)
    if (headerBytes + lineBytes > maxBytes) {
      flush(index + 1)
      oversized.push(index)
      return
    }
    if (bytes + lineBytes > maxBytes) flush(index)
    if (lines.length === 0) start = index
    lines.push(line)
    bytes += lineBytes
  })
  flush(records.length)
  return { uploads, oversized }
}
