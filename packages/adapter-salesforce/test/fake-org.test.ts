import { createFakeSalesforce, type FakeSalesforce } from "@tixi/adapter-salesforce/fake"
import { beforeEach, describe, expect, it } from "vitest"
import { assertValidSoql, invalidSoqlOf, server, trackSoql, useMsw } from "./support/fake-org-harness.ts"

useMsw()

let fake: FakeSalesforce
let token: string
const data = (path: string) => `${fake.org.instanceUrl}/services/data/v66.0${path}`
const call = (path: string, init: RequestInit = {}) =>
  fetch(data(path), {
    ...init,
    headers: {
      authorization: `Bearer ${token}`,
      "content-type": "application/json",
      ...(init.headers as Record<string, string>),
    },
  })

/** A reply's JSON body, loosely typed for assertions. */
// biome-ignore lint/suspicious/noExplicitAny: assertions read whatever the fake answered
const body = async (reply: Response): Promise<any> => reply.json()

beforeEach(() => {
  fake = trackSoql(createFakeSalesforce({ queryBatchSize: 5, apiAllocation: { max: 1_000 } }))
  server.resetHandlers(...fake.handlers)
  token = fake.accessToken()
})

describe("fake Salesforce org", () => {
  it("has every SOQL it receives checked by a maintained SOQL parser, which catches what the fake would answer", async () => {
    await call(
      `/query?q=${encodeURIComponent("SELECT Id, Name FROM Account WHERE Name = 'O\\'Brien' LIMIT 5")}`,
    )
    await call(`/tooling/query?q=${encodeURIComponent("SELECT Id, DeveloperName FROM CustomField")}`)
    expect(invalidSoqlOf(fake)).toEqual([])
    await call(`/query?q=${encodeURIComponent("SELECT Id, FROM Account")}`)
    await call(`/tooling/query?q=${encodeURIComponent("SELECT Id FROM CustomField WHERE")}`)
    expect(invalidSoqlOf(fake)).toEqual([
      expect.stringMatching(/^SELECT Id, FROM Account\n/),
      expect.stringMatching(/^SELECT Id FROM CustomField WHERE\n/),
    ])
    expect(() => assertValidSoql(fake)).toThrow()
    // Leave the org's log clean for the check that runs after every test.
    fake.api.requests.length = 0
  })

  it("caps sObject Collections at 200 records, as the org does", async () => {
    const records = Array.from({ length: 201 }, (_, index) => ({
      attributes: { type: "Account" },
      Name: `A${index}`,
    }))
    const reply = await call("/composite/sobjects", {
      method: "POST",
      body: JSON.stringify({ allOrNone: false, records }),
    })
    expect(reply.status).toBe(400)
    expect((await body(reply))[0].errorCode).toBe("EXCEEDED_ID_LIMIT")
  })

  it("reports errors per record in a collection", async () => {
    const records = [
      { attributes: { type: "Account" }, Name: "ok" },
      { attributes: { type: "Account" } },
      { attributes: { type: "Case" }, Status: "Nonsense" },
    ]
    const reply = await call("/composite/sobjects", {
      method: "POST",
      body: JSON.stringify({ allOrNone: false, records }),
    })
    const results = await body(reply)
    expect(results.map((result: { success: boolean }) => result.success)).toEqual([true, false, false])
    expect(results[1].errors[0].statusCode).toBe("REQUIRED_FIELD_MISSING")
    expect(results[2].errors[0].statusCode).toBe("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST")
  })

  it("pages SOQL results through nextRecordsUrl", async () => {
    for (let index = 0; index < 12; index++)
      fake.staff.create("Account", { Name: `A${String(index).padStart(2, "0")}` })
    const first = await body(
      await call(`/query?q=${encodeURIComponent("SELECT Id, Name FROM Account ORDER BY Name")}`),
    )
    expect(first.done).toBe(false)
    expect(first.totalSize).toBe(12)
    expect(first.records).toHaveLength(5)
    const names = [...first.records]
    let next = first.nextRecordsUrl
    while (next) {
      const page = await body(
        await fetch(`${fake.org.instanceUrl}${next}`, { headers: { authorization: `Bearer ${token}` } }),
      )
      names.push(...page.records)
      next = page.nextRecordsUrl
    }
    expect(names.map((record: { Name: string }) => record.Name)).toEqual(
      Array.from({ length: 12 }, (_, index) => `A${String(index).padStart(2, "0")}`),
    )
  })

  it("puts Sforce-Limit-Info on every reply and refuses calls past the allocation", async () => {
    fake.org.apiUsed = 998
    const first = await call("/limits")
    expect(first.headers.get("sforce-limit-info")).toBe("api-usage=999/1000")
    await call("/limits")
    const refused = await call("/limits")
    expect(refused.status).toBe(403)
    expect(await body(refused)).toEqual([
      { message: "TotalRequests Limit exceeded.", errorCode: "REQUEST_LIMIT_EXCEEDED", fields: [] },
    ])
  })

  it("answers 401 INVALID_SESSION_ID once sessions expire", async () => {
    fake.org.expireSessions()
    const reply = await call("/limits")
    expect(reply.status).toBe(401)
    expect((await body(reply))[0].errorCode).toBe("INVALID_SESSION_ID")
  })

  it("rejects API versions it does not serve", async () => {
    const reply = await fetch(`${fake.org.instanceUrl}/services/data/v99.0/limits`, {
      headers: { authorization: `Bearer ${token}` },
    })
    expect(reply.status).toBe(404)
  })

  it("moves Bulk jobs through their states and writes result files", async () => {
    const job = await body(
      await call("/jobs/ingest", {
        method: "POST",
        body: JSON.stringify({ object: "Account", operation: "insert" }),
      }),
    )
    expect(job.state).toBe("Open")
    const upload = await call(`/jobs/ingest/${job.id}/batches`, {
      method: "PUT",
      body: "Name,Industry\nAlpha,Retail\n,Retail\n",
      headers: { "content-type": "text/csv" },
    })
    expect(upload.status).toBe(201)
    const early = await call(`/jobs/ingest/${job.id}/successfulResults`)
    expect(early.status).toBe(400)
    fake.org.holdBulkJobs = true
    await call(`/jobs/ingest/${job.id}`, {
      method: "PATCH",
      body: JSON.stringify({ state: "UploadComplete" }),
    })
    expect((await body(await call(`/jobs/ingest/${job.id}`))).state).toBe("InProgress")
    fake.org.holdBulkJobs = false
    const done = await body(await call(`/jobs/ingest/${job.id}`))
    expect(done).toMatchObject({ state: "JobComplete", numberRecordsProcessed: 2, numberRecordsFailed: 1 })
    const failed = await (await call(`/jobs/ingest/${job.id}/failedResults`)).text()
    expect(failed.split("\n")[0]).toBe("sf__Id,sf__Error,Name,Industry")
    expect(failed).toContain("REQUIRED_FIELD_MISSING")
  })

  it("reads Bulk uploads as RFC 4180 CSV with a CSV library: quoted commas, quotes and line breaks; a malformed upload fails the job", async () => {
    const runJob = async (csv: string) => {
      const job = await body(
        await call("/jobs/ingest", {
          method: "POST",
          body: JSON.stringify({ object: "Account", operation: "insert" }),
        }),
      )
      await call(`/jobs/ingest/${job.id}/batches`, {
        method: "PUT",
        body: csv,
        headers: { "content-type": "text/csv" },
      })
      await call(`/jobs/ingest/${job.id}`, {
        method: "PATCH",
        body: JSON.stringify({ state: "UploadComplete" }),
      })
      return { id: job.id as string, info: await body(await call(`/jobs/ingest/${job.id}`)) }
    }
    const good = await runJob('Name,BillingStreet\n"华东, ""总部""","一号楼\n二层"\n  Beta  ,#N/A\n')
    expect(good.info).toMatchObject({
      state: "JobComplete",
      numberRecordsProcessed: 2,
      numberRecordsFailed: 0,
    })
    const names = fake.org.records("Account").map((row) => [row.Name, row.BillingStreet ?? null])
    expect(names).toEqual(
      expect.arrayContaining([
        ['华东, "总部"', "一号楼\n二层"],
        ["  Beta  ", null],
      ]),
    )
    // An unclosed quote, and a row with more cells than the header: the org cannot read the file.
    for (const malformed of ['Name,BillingStreet\n"unclosed,street\n', "Name\nAlpha,extra\n"]) {
      const bad = await runJob(malformed)
      expect(bad.info.state).toBe("Failed")
      expect(bad.info.errorMessage).toMatch(/^InvalidBatch : Failed to parse CSV/)
    }
  })

  it("signs in only with an assertion signed by the connected app's key", async () => {
    const reply = await fetch(`${fake.org.loginUrl}/services/oauth2/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer",
        assertion: "a.b.c",
      }).toString(),
    })
    expect(reply.status).toBe(400)
    expect((await body(reply)).error).toBe("invalid_grant")
  })
})
