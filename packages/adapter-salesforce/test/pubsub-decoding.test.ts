import {
  type ChangeEventSchema,
  clientOfChangeOrigin,
  decodeChangeEvent,
  fieldsOfBitmaps,
  isOwnChange,
  type ReceivedChangeEvent,
} from "@tixi/adapter-salesforce"
import { changeEventHeaderSchema } from "@tixi/adapter-salesforce/fake"
import avro from "avsc"
import { Effect, Result } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { fakeOrgWithAdapter, useMsw } from "./support/fake-org-harness.ts"

useMsw()

const changeTypes = (
  changeEventHeaderSchema.fields.find((field) => field.name === "changeType")!.type as {
    readonly symbols: ReadonlyArray<string>
  }
).symbols

// A Case change event as GetSchema describes it: the ChangeEventHeader record first, then the
// object's fields as nullable unions, a compound Name among them (its bitmaps are `<position>-0x…`).
// https://developer.salesforce.com/docs/atlas.en-us.change_data_capture.meta/change_data_capture/cdc_event_fields_header.htm
const schemaJson = {
  type: "record",
  name: "CaseChangeEvent",
  namespace: "com.sforce.eventbus",
  fields: [
    {
      name: "ChangeEventHeader",
      type: changeEventHeaderSchema,
    },
    { name: "Subject", type: ["null", "string"], default: null },
    {
      name: "Name",
      type: [
        "null",
        {
          type: "record",
          name: "Switchable_PersonName",
          fields: [
            { name: "FirstName", type: ["null", "string"], default: null },
            { name: "LastName", type: ["null", "string"], default: null },
          ],
        },
      ],
      default: null,
    },
    { name: "Status", type: ["null", "string"], default: null },
  ],
}
const schema: ChangeEventSchema = {
  type: avro.Type.forSchema(schemaJson as avro.Schema),
  fields: [
    { name: "ChangeEventHeader" },
    { name: "Subject" },
    { name: "Name", nested: ["FirstName", "LastName"] },
    { name: "Status" },
  ],
}
const replayId = Buffer.from([0, 0, 0, 0, 0, 0, 0, 42])
const schemaNames = new Set([
  "ChangeEventHeader",
  "Subject",
  "Name",
  "Name.FirstName",
  "Name.LastName",
  "Status",
])

/** Cases run by each property, reported so the note can count them. */
const runs = { bytes: 2_000, nonsense: 1_000, mutated: 1_000, bitmaps: 2_000, origins: 2_000, intake: 40 }

/** Any well-typed header, most of it nonsense: what a transport could hand over that Avro accepts. */
const header = fc.record({
  entityName: fc.oneof(fc.constantFrom("Case", "Account", "Contact", ""), fc.string()),
  recordIds: fc.array(fc.oneof(fc.constantFrom("500000000000001AAA", "001*"), fc.string()), { maxLength: 4 }),
  changeType: fc.constantFrom(...changeTypes),
  changeOrigin: fc.oneof(
    fc.constantFrom(
      "",
      "com/salesforce/api/rest/66.0;client=tixi",
      "com/salesforce/api/soap/66.0;client=DataLoader",
    ),
    fc.string(),
  ),
  transactionKey: fc.string(),
  sequenceNumber: fc.integer(),
  commitTimestamp: fc.oneof(fc.integer({ min: -1_000, max: 2 ** 45 }), fc.constant(2 ** 52)),
  commitNumber: fc.integer({ min: 0, max: 2 ** 40 }),
  commitUser: fc.oneof(fc.constant("005000000000001AAA"), fc.string()),
  nulledFields: fc.array(fc.string(), { maxLength: 3 }),
  diffFields: fc.array(fc.string(), { maxLength: 3 }),
  changedFields: fc.array(
    fc.oneof(
      fc.constantFrom("0x0", "0xA", "0xFFFFFFFFFFFFFFFFFFFF", "2-0x3", "9-0x1", "0x-1", "-0x"),
      fc.string(),
    ),
    { maxLength: 4 },
  ),
})
const event = fc.record({
  ChangeEventHeader: header,
  Subject: fc.option(fc.string(), { nil: null }),
  Name: fc.option(
    fc.record({
      FirstName: fc.option(fc.string(), { nil: null }),
      LastName: fc.option(fc.string(), { nil: null }),
    }),
    { nil: null },
  ),
  Status: fc.option(fc.string(), { nil: null }),
})

/** What a decoded event must hold whenever decoding succeeds. */
const checkDecoded = (decoded: ReceivedChangeEvent) => {
  expect(decoded.header.entityName).not.toBe("")
  expect(decoded.header.recordIds.length).toBeGreaterThan(0)
  expect(Number.isSafeInteger(decoded.header.commitTimestamp)).toBe(true)
  expect(decoded.header.commitTimestamp).toBeGreaterThanOrEqual(0)
  expect(decoded.header.commitTimestamp).toBeLessThanOrEqual(Date.UTC(4000, 11, 31, 23, 59, 59, 999))
  expect(decoded.replayId).toBe("000000000000002a")
}

describe("Pub/Sub Change Data Capture decoding, fuzzed", () => {
  it("refuses a payload whose declared array length the bytes cannot hold, instead of exhausting the heap", () => {
    // entityName "Case", then recordIds declaring 2³¹ items in five bytes: avsc alone loops until
    // the heap is gone (the whole process dies), so this must be refused before decoding.
    const hostile = Buffer.from([0x08, ...Buffer.from("Case"), 0x80, 0x80, 0x80, 0x80, 0x10])
    const decoded = decodeChangeEvent(schema, replayId, hostile)
    expect(Result.isFailure(decoded) && decoded.failure.issues.map((issue) => issue.path.join("."))).toEqual([
      "payload",
    ])
  })

  it("the intake refuses an event naming a malformed record id with a typed failure, not a thrown TypeError", async () => {
    const { adapter } = await fakeOrgWithAdapter({ install: [] })
    const failure = await Effect.runPromise(
      Effect.flip(
        adapter.changeEvents.receive([
          {
            replayId: "01",
            header: {
              entityName: "Case",
              recordIds: [""],
              changeType: "UPDATE",
              changedFields: [],
              changeOrigin: "",
              transactionKey: "t",
              sequenceNumber: 1,
              commitTimestamp: 0,
              commitUser: "005000000000002AAA",
            },
            fields: {},
          },
        ]),
      ),
    )
    expect(failure.reason).toMatchObject({ _tag: "InvalidRequest", fields: [{ field: "header.recordIds" }] })
  })

  it(`arbitrary bytes give a typed rejection or a well-formed event, never a throw (${runs.bytes} cases)`, () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const decoded = decodeChangeEvent(schema, replayId, bytes)
        if (Result.isSuccess(decoded)) checkDecoded(decoded.success)
        else expect(decoded.failure._tag).toBe("ValidationError")
      }),
      { numRuns: runs.bytes },
    )
  })

  it(`well-typed nonsense decodes to what was sent or is refused naming the header field (${runs.nonsense} cases)`, () => {
    fc.assert(
      fc.property(event, (value) => {
        const decoded = decodeChangeEvent(schema, replayId, schema.type.toBuffer(value))
        const sent = value.ChangeEventHeader
        const valid =
          sent.entityName !== "" &&
          sent.recordIds.length > 0 &&
          sent.recordIds.every((id) => /^([a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?|[a-zA-Z0-9]{3}\*)$/.test(id)) &&
          Number.isSafeInteger(sent.commitTimestamp) &&
          sent.commitTimestamp >= 0 &&
          sent.commitTimestamp <= Date.UTC(4000, 11, 31, 23, 59, 59, 999)
        expect(Result.isSuccess(decoded)).toBe(valid)
        if (Result.isSuccess(decoded)) {
          checkDecoded(decoded.success)
          expect(decoded.success.header.recordIds).toEqual(sent.recordIds)
          expect(decoded.success.fields.Subject).toEqual(value.Subject)
          for (const name of decoded.success.header.changedFields)
            expect(schemaNames.has(name) || (sent.changedFields.includes(name) && !name.includes("0x"))).toBe(
              true,
            )
        } else {
          for (const issue of decoded.failure.issues) expect(issue.path[0]).toBe("ChangeEventHeader")
        }
      }),
      { numRuns: runs.nonsense },
    )
  })

  it(`truncated or corrupted events are refused or decoded whole, never thrown (${runs.mutated} cases)`, () => {
    fc.assert(
      fc.property(event, fc.nat(), fc.integer({ min: 0, max: 255 }), fc.boolean(), (value, at, byte, cut) => {
        const bytes = Buffer.from(schema.type.toBuffer(value))
        const position = at % Math.max(1, bytes.length)
        const mutated = cut
          ? bytes.subarray(0, position)
          : Buffer.from(bytes.map((old, index) => (index === position ? byte : old)))
        const decoded = decodeChangeEvent(schema, replayId, mutated)
        if (Result.isSuccess(decoded)) checkDecoded(decoded.success)
        else expect(decoded.failure.issues.length).toBeGreaterThan(0)
      }),
      { numRuns: runs.mutated },
    )
  })

  it(`field bitmaps of any text name only schema fields or pass names through (${runs.bitmaps} cases)`, () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string(), fc.stringMatching(/^(\d{1,2}-)?0x[0-9A-Fa-f]{0,40}$/)), {
          maxLength: 6,
        }),
        (bitmaps) => {
          for (const name of fieldsOfBitmaps(bitmaps, schema.fields))
            expect(schemaNames.has(name) || (bitmaps.includes(name) && !name.includes("0x"))).toBe(true)
        },
      ),
      { numRuns: runs.bitmaps },
    )
  })

  it(`changeOrigin and commit user of any text: tixi's own only when they say so (${runs.origins} cases)`, () => {
    const own = { client: "tixi", integrationUserId: "005000000000001AAA" }
    fc.assert(
      fc.property(
        fc.string(),
        fc.string(),
        fc.stringMatching(/^[A-Za-z0-9_]{1,20}$/),
        (origin, user, client) => {
          expect(clientOfChangeOrigin(`com/salesforce/api/rest/66.0;client=${client}`)).toBe(client)
          const result = isOwnChange({ changeOrigin: origin, commitUser: user }, own)
          const named = clientOfChangeOrigin(origin) === "tixi"
          const byUser = user !== "" && user.slice(0, 15) === own.integrationUserId.slice(0, 15)
          expect(result).toBe(named || byUser)
        },
      ),
      { numRuns: runs.origins },
    )
  })

  it(`the intake takes any batch of decoded nonsense without dying, and counts redeliveries (${runs.intake} cases)`, async () => {
    const { adapter } = await fakeOrgWithAdapter({ install: [] })
    let replay = 0
    await fc.assert(
      fc.asyncProperty(
        fc.array(event, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        async (values, redeliver) => {
          const decoded = values.flatMap((value) => {
            replay += 1
            const result = decodeChangeEvent(
              schema,
              Buffer.from(replay.toString(16).padStart(16, "0"), "hex"),
              schema.type.toBuffer(value),
            )
            return Result.isSuccess(result) ? [result.success] : []
          })
          const batch = redeliver && decoded[0] ? [...decoded, decoded[0]] : decoded
          const result = await Effect.runPromise(Effect.result(adapter.changeEvents.receive(batch)))
          // A failure is a typed port failure (a re-read the org refused), never a defect.
          if (Result.isFailure(result)) expect(result.failure._tag).toBe("PortFailure")
          else {
            expect(result.success.duplicates).toBe(batch.length - decoded.length)
            for (const change of result.success.changes) expect(["case", "customer"]).toContain(change.object)
          }
        },
      ),
      { numRuns: runs.intake },
    )
  }, 120_000)
})
