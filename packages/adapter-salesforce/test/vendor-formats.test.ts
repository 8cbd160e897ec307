import { reasonForSalesforceError } from "@tixi/adapter-salesforce"
import { parse } from "csv-parse/sync"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { failureFromBulkRow } from "../src/errors/map-salesforce-error.ts"
import { makeRecordId } from "../src/fake/record-ids.ts"
import { parseSoql } from "../src/fake/soql.ts"
import { csvCell, parseCsv, writeCsv } from "../src/mapping/csv.ts"
import { isRecordId } from "../src/mapping/record-ids.ts"

describe("Salesforce error codes", () => {
  const reason = (status: number | undefined, errorCode: string, message = "") =>
    reasonForSalesforceError(status, { errorCode, message }, {})

  it("tells the daily allocation from the concurrent long-running limit", () => {
    expect(reason(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.")).toMatchObject({
      _tag: "RateLimited",
      recoverable: false,
    })
    expect(reason(403, "REQUEST_LIMIT_EXCEEDED", "ConcurrentPerOrgLongTxn Limit exceeded.")).toMatchObject({
      _tag: "RateLimited",
      recoverable: true,
      scope: "CONCURRENT_LONG_RUNNING_REQUESTS",
    })
  })

  it("maps the common codes to tixi's reasons", () => {
    expect(reason(401, "INVALID_SESSION_ID")._tag).toBe("Unauthorized")
    expect(reason(404, "NOT_FOUND")._tag).toBe("NotFound")
    expect(reason(400, "DUPLICATE_VALUE")._tag).toBe("Conflict")
    expect(reason(undefined, "UNABLE_TO_LOCK_ROW")._tag).toBe("Unavailable")
    expect(reason(400, "REQUIRED_FIELD_MISSING")._tag).toBe("InvalidRequest")
    expect(reason(300, "")._tag).toBe("Conflict")
    expect(reason(503, "")._tag).toBe("Unavailable")
  })

  it("reads Bulk API failed rows (CODE:message:fields --)", () => {
    const failure = failureFromBulkRow(
      { port: "HostCrm", operation: "test" },
      "REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name --",
    )
    expect(failure.vendor?.code).toBe("REQUIRED_FIELD_MISSING")
    expect(failure.reason).toMatchObject({ _tag: "InvalidRequest", fields: [{ field: "Name" }] })
  })
})

describe("Bulk CSV", () => {
  it("round-trips any text, with null as #N/A", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 2 }), { maxLength: 20 }),
        (rows) => {
          const nonEmpty = rows.map(([first, second]) => [`k${first}`, second ?? ""])
          const parsed = parseCsv(writeCsv(["Key", "Value"], nonEmpty))
          return (
            parsed.length === nonEmpty.length &&
            parsed.every((row, index) => row.Key === nonEmpty[index]![0] && row.Value === nonEmpty[index]![1])
          )
        },
      ),
    )
    expect(csvCell(null)).toBe("#N/A")
    expect(csvCell('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"')
  })
})

describe("Bulk CSV against a maintained CSV library", () => {
  it("writes what csv-parse reads back cell for cell, whatever the text (1,000 cases)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string(), { minLength: 1, maxLength: 4 }),
        fc.array(fc.array(fc.oneof(fc.string(), fc.constant(null)), { minLength: 4, maxLength: 4 }), {
          maxLength: 10,
        }),
        (header, rows) => {
          const cells = rows.map((row) => row.slice(0, header.length))
          const text = writeCsv(header, cells)
          const read = parse(text, {
            delimiter: ",",
            record_delimiter: "\n",
            relax_column_count: false,
          }) as Array<Array<string>>
          expect(read).toEqual([
            header,
            ...cells.map((row) => row.map((cell) => (cell === null ? "#N/A" : cell))),
          ])
        },
      ),
      { numRuns: 1_000 },
    )
  })

  it("reads any result file text without throwing: at most one row per line, keyed by the header (1,000 cases)", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", "b", ",", '"', "\n", "\r", " ", "#") }), (text) => {
        const rows = parseCsv(text)
        const lines = text.split(/\r\n|\r|\n/).length
        expect(rows.length).toBeLessThanOrEqual(lines)
        const columns = rows.length === 0 ? [] : Object.keys(rows[0]!)
        for (const row of rows) expect(Object.keys(row)).toEqual(columns)
      }),
      { numRuns: 1_000 },
    )
  })
})

describe("record ids", () => {
  it("issues 18-character ids whose suffix checks out", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 40 }), (sequence) =>
        isRecordId(makeRecordId("001", sequence)),
      ),
    )
    expect(isRecordId("999999999")).toBe(false)
    expect(isRecordId("001000000000000AAA")).toBe(true)
    expect(isRecordId("001000000000000AAB")).toBe(false)
  })
})

describe("the fake org's SOQL", () => {
  it("parses the subset tixi sends", () => {
    expect(
      parseSoql(
        "SELECT Id, Account.Tixi_Key__c FROM Case WHERE (Status = 'New' OR IsClosed = false) AND SystemModstamp >= 2026-01-05T08:00:00Z ORDER BY SystemModstamp, Id DESC LIMIT 10",
      ),
    ).toMatchObject({
      fields: ["Id", "Account.Tixi_Key__c"],
      object: "Case",
      limit: 10,
      orderBy: [
        { field: "SystemModstamp", descending: false },
        { field: "Id", descending: true },
      ],
    })
    expect(() => parseSoql("SELECT FROM Case")).toThrow()
    expect(parseSoql("SELECT Id FROM Case WHERE Subject = 'it\\'s'").where).toMatchObject({ value: "it's" })
  })
})
