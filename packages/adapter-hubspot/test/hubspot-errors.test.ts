import { describe, expect, it } from "vitest"
import { failureFromReply, failureFromThrown } from "../src/errors/hubspot-errors.ts"

const privateAppToken = "pat-na1-11111111-2222-3333-4444-555555555555"

describe("HubSpot errors keep secrets out", () => {
  it("a proxy page echoing the request, with a legacy hapikey or the bearer token, leaves neither", () => {
    const page = `<html><body><h1>502 Bad Gateway</h1><pre>GET https://api.hubapi.com/crm/v3/objects/tickets/1?hapikey=${privateAppToken}\nAuthorization: Bearer ${privateAppToken}</pre></body></html>`
    const failure = failureFromReply("getTicket", 502, page)
    expect(failure.reason._tag).toBe("Unavailable")
    expect(JSON.stringify({ message: failure.message, vendor: failure.vendor })).not.toContain(
      privateAppToken,
    )
  })

  it("nor a thrown client error whose message holds the URL", () => {
    const failure = failureFromThrown(
      "getTicket",
      new TypeError(`Failed to parse URL from https://api.hubapi.com/crm/v3?access_token=${privateAppToken}`),
    )
    expect(failure.detail).not.toContain(privateAppToken)
    expect(failure.detail).toContain("access_token=…")
  })
})
