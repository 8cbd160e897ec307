import { ValidationError, type ValidationIssue } from "@tixi/core"
import type avro from "avsc"
import { Result } from "effect"
import type { ReceivedChangeEvent } from "../changes/change-event-intake.ts"
import { recordIdShape } from "../mapping/record-ids.ts"
import type { RawChangeEventHeader } from "../vendor/rest.ts"
import { avroPayloadFits } from "./avro-payload-bounds.ts"
import { fieldsOfBitmaps } from "./changed-fields.ts"

/** An event schema as GetSchema gave it: the Avro type and its field positions (for the bitmaps). */
export interface ChangeEventSchema {
  readonly type: avro.Type
  readonly fields: ReadonlyArray<{ readonly name: string; readonly nested?: ReadonlyArray<string> }>
}

/** Salesforce's latest date-time (4000-12-31T23:59:59.999Z), beyond which SOQL takes no literal. */
const latestDateTime = Date.UTC(4000, 11, 31, 23, 59, 59, 999)
const wildcardPattern = /^[a-zA-Z0-9]{3}\*$/

const isStrings = (value: unknown): value is ReadonlyArray<string> =>
  Array.isArray(value) && value.every((item) => typeof item === "string")

/**
 * One Pub/Sub API event as a Change Data Capture event, or a `ValidationError` naming what is
 * wrong: the payload is checked to fit its schema before avsc decodes it (a hostile length cannot
 * exhaust the heap), and the header must have what the intake relies on (entity, record ids, a
 * change type, commit timestamp and user). Never throws.
 */
// https://developer.salesforce.com/docs/platform/pub-sub-api/guide/event-deserialization-considerations.html
// https://developer.salesforce.com/docs/atlas.en-us.change_data_capture.meta/change_data_capture/cdc_event_fields_header.htm
export function decodeChangeEvent(
  schema: ChangeEventSchema,
  replayId: Uint8Array,
  payload: Uint8Array,
): Result.Result<ReceivedChangeEvent, ValidationError> {
  const issues: Array<ValidationIssue> = []
  const problem = (path: ReadonlyArray<string>, message: string) =>
    issues.push({ path: [...path], message, code: "invalid" })
  const rejected = () => Result.fail(new ValidationError({ subject: "salesforce.changeEvent", issues }))
  if (replayId.length === 0) problem(["replayId"], "is empty")
  let value: unknown
  if (!avroPayloadFits(schema.type, payload)) problem(["payload"], "does not fit the event's Avro schema")
  else {
    try {
      value = schema.type.fromBuffer(Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength))
    } catch (error) {
      problem(["payload"], `is not Avro of the event's schema (${String((error as Error).message)})`)
    }
  }
  if (issues.length > 0) return rejected()
  const record = (value && typeof value === "object" ? value : {}) as Record<string, unknown>
  const { ChangeEventHeader: rawHeader, ...fields } = record
  const header = (rawHeader && typeof rawHeader === "object" ? rawHeader : undefined) as
    | Record<string, unknown>
    | undefined
  if (!header) {
    problem(["ChangeEventHeader"], "is missing")
    return rejected()
  }
  const at = (name: string) => ["ChangeEventHeader", name]
  if (typeof header.entityName !== "string" || header.entityName === "")
    problem(at("entityName"), "must name the object")
  if (!isStrings(header.recordIds) || header.recordIds.length === 0)
    problem(at("recordIds"), "must list at least one record id")
  else if (!header.recordIds.every((id) => recordIdShape.test(id) || wildcardPattern.test(id)))
    problem(at("recordIds"), "must be record ids, or a key prefix and * (gap events)")
  // The schema's enum decides the symbols; one the intake does not know is read as an update.
  if (typeof header.changeType !== "string" || header.changeType === "")
    problem(at("changeType"), "must name the change")
  const commitTimestamp = Number(header.commitTimestamp)
  if (!Number.isSafeInteger(commitTimestamp) || commitTimestamp < 0 || commitTimestamp > latestDateTime)
    problem(at("commitTimestamp"), "must be epoch milliseconds up to 4000-12-31, Salesforce's last date")
  if (typeof header.commitUser !== "string") problem(at("commitUser"), "must be a User Id")
  if (header.changedFields !== undefined && header.changedFields !== null && !isStrings(header.changedFields))
    problem(at("changedFields"), "must be a list of bitmaps or names")
  if (issues.length > 0) return rejected()
  return Result.succeed({
    replayId: Buffer.from(replayId).toString("hex"),
    header: {
      entityName: header.entityName as string,
      recordIds: header.recordIds as ReadonlyArray<string>,
      changeType: header.changeType as RawChangeEventHeader["changeType"],
      changedFields: fieldsOfBitmaps(
        (header.changedFields as ReadonlyArray<string> | null) ?? [],
        schema.fields,
      ),
      changeOrigin: typeof header.changeOrigin === "string" ? header.changeOrigin : "",
      transactionKey: typeof header.transactionKey === "string" ? header.transactionKey : "",
      sequenceNumber: Number(header.sequenceNumber ?? 0),
      commitTimestamp,
      commitUser: header.commitUser as string,
      ...(header.commitNumber === undefined || header.commitNumber === null
        ? {}
        : { commitNumber: Number(header.commitNumber) }),
    },
    fields,
  })
}
