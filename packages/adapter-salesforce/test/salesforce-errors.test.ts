import { describe, expect, it } from "vitest"
import { failureFromRecordErrors, failureFromReply } from "../src/errors/map-salesforce-error.ts"

const site = { port: "HostCrm", operation: "authenticate" } as const
const assertion = "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiIzTVZHOSJ9.c2lnbmF0dXJlLWJ5dGVz"
const sessionId = "00D5g000004ABCD!AQ8AQHk2Wm3JbQjXlVexample"

describe("Salesforce errors keep secrets out", () => {
  it("a proxy page echoing the token request's form body leaves no JWT assertion in the failure", () => {
    const page = `<html><body><h1>502 Bad Gateway</h1><p>POST https://login.salesforce.com/services/oauth2/token</p><p>body: grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=${assertion}</p></body></html>`
    const failure = failureFromReply(site, 502, undefined, page)
    expect(failure.reason._tag).toBe("Unavailable")
    expect(failure.detail).toMatch(/^HTTP 502: /)
    expect(JSON.stringify({ message: failure.message, vendor: failure.vendor })).not.toContain(assertion)
  })

  it("nor a session id in an error message or a record error", () => {
    const url = `https://acme.my.salesforce.com/secur/frontdoor.jsp?sid=${sessionId}`
    const reply = failureFromReply(site, 400, [{ errorCode: "INVALID_FIELD", message: `see ${url}` }], "")
    const record = failureFromRecordErrors(site, [
      { statusCode: "FIELD_INTEGRITY_EXCEPTION", message: url, fields: ["Subject"] },
    ])
    for (const failure of [reply, record]) {
      expect(
        JSON.stringify({ message: failure.message, reason: failure.reason, vendor: failure.vendor }),
      ).not.toContain(sessionId)
    }
  })
})
