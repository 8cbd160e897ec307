import { createHash, createHmac } from "node:crypto"
import { IntakeRejected } from "@tixi/adapter-kit"
import { ValidationError } from "@tixi/core"
import { Effect, Redacted } from "effect"
import { describe, expect, it } from "vitest"
import {
  hubSpotIntakeSource,
  hubSpotUnparsedEventType,
  maxSignatureAgeMillis,
  verifyHubSpotDelivery,
  verifyHubSpotSignature,
} from "../src/index.ts"

// Test vectors from HubSpot's official SDKs: hubspot-api-nodejs test/unit/signature.spec.ts and
// hubspot-api-python tests/spec/utils/test_signature.py.
const secret = "yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy"
const url = "https://www.example.com/webhook_uri"
const nodeV1Body =
  '[{"eventId":1,"subscriptionId":12345,"portalId":62515,"occurredAt":1564113600000,"subscriptionType":"contact.creation","attemptNumber":0,"objectId":123,"changeSource":"CRM","changeFlag":"NEW","appId":54321}]'
const pythonBody = "{'example_field':'example_value'}"
const nodeV1Request = {
  method: "POST",
  uri: url,
  rawBody: nodeV1Body,
  headers: { "X-HubSpot-Signature": "232db2615f3d666fe21a8ec971ac7b5402d33b9a925784df3ca654d05f4817de" },
}
const pythonV2Request = {
  method: "POST",
  uri: url,
  rawBody: pythonBody,
  headers: {
    "X-HubSpot-Signature": "4fe4e3a7d3cf09db53be39d0a58130e2aaba074ec123a9e355b876a689a1c383",
    "X-HubSpot-Signature-Version": "v2",
  },
}

describe("verifyHubSpotSignature: the official SDKs' vectors", () => {
  it("v1 (Node SDK): hex SHA-256 of secret + body", () => {
    const check = verifyHubSpotSignature(nodeV1Request, { clientSecret: secret, now: 0, versions: ["v1"] })
    expect(check).toEqual({ valid: true, version: "v1" })
  })

  it("v1 (Python SDK) and v2 (Python SDK, POST)", () => {
    const v1 = verifyHubSpotSignature(
      {
        method: "POST",
        uri: url,
        rawBody: pythonBody,
        headers: {
          "x-hubspot-signature": "69fc6631a867edd4f9e9e627fc5c1148e3fbdd8b21837b6d2b8901c1fa57f750",
          "x-hubspot-signature-version": "v1",
        },
      },
      { clientSecret: secret, now: 0, versions: ["v1"] },
    )
    expect(v1.valid).toBe(true)
    const v2 = verifyHubSpotSignature(pythonV2Request, { clientSecret: secret, now: 0, versions: ["v2"] })
    expect(v2).toEqual({ valid: true, version: "v2" })
  })

  it("v2 (Node SDK): GET with an empty body, and POST with a JSON body", () => {
    const get = verifyHubSpotSignature(
      {
        method: "GET",
        uri: url,
        rawBody: "",
        headers: new Headers({
          "X-HubSpot-Signature": "eee2dddcc73c94d699f5e395f4b9d454a069a6855fbfa152e91e88823087200e",
          "X-HubSpot-Signature-Version": "v2",
        }),
      },
      { clientSecret: secret, now: 0, versions: ["v2"] },
    )
    expect(get.valid).toBe(true)
    const post = verifyHubSpotSignature(
      {
        method: "POST",
        uri: url,
        rawBody: new TextEncoder().encode('{"example_field":"example_value"}'),
        headers: {
          "X-HubSpot-Signature": "9569219f8ba981ffa6f6f16aa0f48637d35d728c7e4d93d0d52efaa512af7900",
          "X-HubSpot-Signature-Version": "v2",
        },
      },
      { clientSecret: Redacted.make(secret), now: 0, versions: ["v2", "v3"] },
    )
    expect(post.valid).toBe(true)
  })

  it("v3 (Python SDK): base64 HMAC of method + URI + body + timestamp", () => {
    const check = verifyHubSpotSignature(
      {
        method: "POST",
        uri: url,
        rawBody: pythonBody,
        headers: {
          "X-HubSpot-Signature-v3": "HPW73RUtKmcYoEDADG0s6MmGFWUzWJKAW07r8RDgcQw=",
          "X-HubSpot-Request-Timestamp": "15000000",
        },
      },
      { clientSecret: secret, now: 15_000_000 + 1_000 },
    )
    expect(check).toEqual({ valid: true, version: "v3" })
  })
})

describe("verifyHubSpotSignature: refusals", () => {
  it("accepts v3 only by default: a genuine v1 or v2 signature has no timestamp and could be replayed", () => {
    const v1 = verifyHubSpotSignature(nodeV1Request, { clientSecret: secret, now: 0 })
    expect(v1).toMatchObject({ valid: false, rejection: "unsupported-version" })
    expect(v1.valid === false && v1.detail).toContain("versions")
    const v2 = verifyHubSpotSignature(pythonV2Request, { clientSecret: secret, now: 0 })
    expect(v2).toMatchObject({ valid: false, rejection: "unsupported-version" })
  })

  const v3Headers = (timestamp: number, body: string, uri = url, key = secret) => ({
    "X-HubSpot-Signature-v3": createHmac("sha256", key)
      .update(`POST${uri}${body}${timestamp}`)
      .digest("base64"),
    "X-HubSpot-Request-Timestamp": String(timestamp),
  })

  it("refuses a v3 delivery signed more than five minutes ago, and one from the future", () => {
    const at = 1_767_600_000_000
    const body = "[]"
    const old = verifyHubSpotSignature(
      { method: "POST", uri: url, rawBody: body, headers: v3Headers(at, body) },
      { clientSecret: secret, now: at + maxSignatureAgeMillis + 1 },
    )
    expect(old).toMatchObject({ valid: false, rejection: "stale-timestamp" })
    const future = verifyHubSpotSignature(
      { method: "POST", uri: url, rawBody: body, headers: v3Headers(at, body) },
      { clientSecret: secret, now: at - maxSignatureAgeMillis - 1 },
    )
    expect(future).toMatchObject({ valid: false, rejection: "stale-timestamp" })
    const fresh = verifyHubSpotSignature(
      { method: "POST", uri: url, rawBody: body, headers: v3Headers(at, body) },
      { clientSecret: secret, now: at + maxSignatureAgeMillis },
    )
    expect(fresh.valid).toBe(true)
  })

  it("refuses a changed body, another URI, another secret, a missing timestamp or no signature", () => {
    const at = 1_767_600_000_000
    const body = '[{"eventId":1}]'
    const headers = v3Headers(at, body)
    const verify = (overrides: Partial<Parameters<typeof verifyHubSpotSignature>[0]>) =>
      verifyHubSpotSignature(
        { method: "POST", uri: url, rawBody: body, headers, ...overrides },
        { clientSecret: secret, now: at },
      )
    expect(verify({ rawBody: '[{"eventId":2}]' })).toMatchObject({ rejection: "bad-signature" })
    expect(verify({ uri: `${url}?a=1` })).toMatchObject({ rejection: "bad-signature" })
    expect(verify({ method: "PUT" })).toMatchObject({ rejection: "bad-signature" })
    expect(verify({ headers: v3Headers(at, body, url, "another-secret") })).toMatchObject({
      rejection: "bad-signature",
    })
    expect(
      verify({ headers: { "X-HubSpot-Signature-v3": headers["X-HubSpot-Signature-v3"] } }),
    ).toMatchObject({
      rejection: "missing-timestamp",
    })
    expect(verify({ headers: {} })).toMatchObject({ rejection: "missing-signature" })
  })

  it("accepts a v3 URI signed with HubSpot's partial decoding, and refuses versions it was told not to take", () => {
    const at = 1_767_600_000_000
    const encoded = "https://example.com/hooks?next=%2Fhome%3Fa%3D1&mail=a%40b.cn"
    // %3D (=) is not in HubSpot's list, so it stays encoded.
    const decoded = "https://example.com/hooks?next=/home?a%3D1&mail=a@b.cn"
    const check = verifyHubSpotSignature(
      { method: "POST", uri: encoded, rawBody: "[]", headers: v3Headers(at, "[]", decoded) },
      { clientSecret: secret, now: at },
    )
    expect(check.valid).toBe(true)
    const v1Only = verifyHubSpotSignature(
      { method: "POST", uri: encoded, rawBody: "[]", headers: v3Headers(at, "[]", decoded) },
      { clientSecret: secret, now: at, versions: ["v1"] },
    )
    expect(v1Only).toMatchObject({ valid: false, rejection: "unsupported-version" })
    const v1Refused = verifyHubSpotSignature(nodeV1Request, {
      clientSecret: secret,
      now: 0,
      versions: ["v3"],
    })
    expect(v1Refused).toMatchObject({ valid: false, rejection: "unsupported-version" })
  })
})

describe("verifyHubSpotDelivery (for a generic webhook intake)", () => {
  const at = 1_767_600_000_000
  const url = new URL("https://tixi.example.com/hooks/hubspot")
  const events = [
    {
      eventId: 7,
      subscriptionId: 3,
      portalId: 62515,
      appId: 54321,
      occurredAt: at,
      subscriptionType: "ticket.creation",
      attemptNumber: 0,
      objectId: 901,
      changeSource: "CRM_UI",
      sourceId: "userId:5",
    },
    {
      eventId: 8,
      subscriptionId: 4,
      portalId: 62515,
      appId: 54321,
      occurredAt: at,
      subscriptionType: "ticket.propertyChange",
      attemptNumber: 0,
      objectId: 902,
      propertyName: "subject",
      propertyValue: "x",
      changeSource: "INTEGRATION",
      sourceId: "54321",
    },
  ]
  const body = new TextEncoder().encode(JSON.stringify(events))
  const signed = (timestamp: number, signedBody = body) => ({
    "x-hubspot-signature-v3": createHmac("sha256", secret)
      .update(Buffer.concat([Buffer.from(`POST${url.href}`), signedBody, Buffer.from(String(timestamp))]))
      .digest("base64"),
    "x-hubspot-request-timestamp": String(timestamp),
  })

  it("returns staff changes as host.change events keyed for deduplication, without tixi's echoes", () => {
    const verdict = verifyHubSpotDelivery(
      { method: "POST", url, headers: signed(at), body, receivedAt: at + 1_000 },
      { clientSecret: secret, webhookUrl: url.href },
    )
    expect(verdict).toMatchObject({ ok: true, echoes: 1 })
    if (!verdict.ok) return
    expect(verdict.events).toHaveLength(1)
    expect(verdict.events[0]).toMatchObject({
      id: `7:${at}:3:901:`,
      type: "host.change",
      payload: { recordId: "901", changeType: "created", origin: "host" },
    })
  })

  it("calls a stale timestamp a replay and a bad signature a forgery", () => {
    const replay = verifyHubSpotDelivery(
      { method: "POST", url, headers: signed(at), body, receivedAt: at + 400_000 },
      { clientSecret: secret, webhookUrl: url.href },
    )
    expect(replay).toMatchObject({ ok: false, reason: "replayed" })
    const forged = verifyHubSpotDelivery(
      { method: "POST", url, headers: signed(at), body, receivedAt: at },
      { clientSecret: "other", webhookUrl: url.href },
    )
    expect(forged).toMatchObject({ ok: false, reason: "forged" })
  })

  it("serves the runtime's intake as a source: events out, or IntakeRejected with the reason", async () => {
    const source = hubSpotIntakeSource({ clientSecret: secret, webhookUrl: url.href })
    expect(source).toMatchObject({ name: "hubspot", path: "/hooks/hubspot", acknowledgeWithinMillis: 5_000 })
    const delivery = await Effect.runPromise(
      source.verify({ method: "POST", url, headers: signed(at), body, receivedAt: at + 1_000 }),
    )
    expect(delivery.events.map((event) => event.id)).toEqual([`7:${at}:3:901:`])
    const replayed = await Effect.runPromise(
      Effect.flip(
        source.verify({ method: "POST", url, headers: signed(at), body, receivedAt: at + 400_000 }),
      ),
    )
    expect(replayed).toBeInstanceOf(IntakeRejected)
    expect(replayed.reason).toBe("replayed")
    // Behind a proxy the server sees another URL; the configured one is what HubSpot signed.
    const proxied = hubSpotIntakeSource({ clientSecret: secret, webhookUrl: url.href, path: "/in/hs" })
    const behindProxy = await Effect.runPromise(
      proxied.verify({
        method: "POST",
        url: new URL("http://127.0.0.1:8080/in/hs"),
        headers: signed(at),
        body,
        receivedAt: at,
      }),
    )
    expect(behindProxy.events).toHaveLength(1)
    const forged = await Effect.runPromise(
      Effect.flip(
        source.verify({
          method: "POST",
          url,
          headers: { ...signed(at), "x-hubspot-signature-v3": "AAAA" },
          body,
          receivedAt: at,
        }),
      ),
    )
    expect(forged.reason).toBe("forged")
  })

  // The runtime's intake sees only its listener's path: it hands the source this URL.
  const received = new URL("http://intake.local/hooks/hubspot")

  it("refuses to be set up without the URL HubSpot signs, naming webhookUrl", () => {
    const unset = () => hubSpotIntakeSource({ clientSecret: secret } as never)
    expect(unset).toThrow(ValidationError)
    expect(unset).toThrow(/webhookUrl: required.*publicBaseUrl/)
    expect(() => hubSpotIntakeSource({ clientSecret: secret, webhookUrl: "/hooks/hubspot" })).toThrow(
      /webhookUrl: "\/hooks\/hubspot" is not an absolute URL/,
    )
    expect(() =>
      hubSpotIntakeSource({ clientSecret: secret, publicBaseUrl: "ftp://tixi.example.com" }),
    ).toThrow(/publicBaseUrl: .* is not an http or https URL/)
  })

  it("takes a genuine delivery the intake received at its own path, by the public base URL", async () => {
    const source = hubSpotIntakeSource({ clientSecret: secret, publicBaseUrl: "https://tixi.example.com/" })
    const delivery = await Effect.runPromise(
      source.verify({ method: "POST", url: received, headers: signed(at), body, receivedAt: at }),
    )
    expect(delivery.events.map((event) => event.id)).toEqual([`7:${at}:3:901:`])
    // Signed for another URL (HubSpot configured elsewhere): forged, and the detail names the URL checked.
    const elsewhere = hubSpotIntakeSource({
      clientSecret: secret,
      publicBaseUrl: "https://other.example.com",
    })
    const forged = await Effect.runPromise(
      Effect.flip(
        elsewhere.verify({ method: "POST", url: received, headers: signed(at), body, receivedAt: at }),
      ),
    )
    expect(forged.reason).toBe("forged")
    expect(forged.detail).toContain("https://other.example.com/hooks/hubspot")
  })

  it("refuses a genuine v2 delivery unless versions lists v2", async () => {
    const v2 = {
      "x-hubspot-signature": createHash("sha256")
        .update(Buffer.concat([Buffer.from(`${secret}POST${url.href}`), body]))
        .digest("hex"),
      "x-hubspot-signature-version": "v2",
    }
    const strict = hubSpotIntakeSource({ clientSecret: secret, webhookUrl: url.href })
    const refused = await Effect.runPromise(
      Effect.flip(strict.verify({ method: "POST", url: received, headers: v2, body, receivedAt: at })),
    )
    expect(refused.reason).toBe("forged")
    expect(refused.detail).toContain("v2")
    const lenient = hubSpotIntakeSource({
      clientSecret: secret,
      webhookUrl: url.href,
      versions: ["v2", "v3"],
    })
    const taken = await Effect.runPromise(
      lenient.verify({ method: "POST", url: received, headers: v2, body, receivedAt: at }),
    )
    expect(taken.events).toHaveLength(1)
  })

  it("stores an event it cannot read as hubspot.unparsed, once however often HubSpot sends it", async () => {
    const source = hubSpotIntakeSource({ clientSecret: secret, webhookUrl: url.href })
    const unreadable = (attemptNumber: number) => ({
      eventId: 9,
      subscriptionId: 3,
      occurredAt: at,
      subscriptionType: "ticket.associationChange",
      attemptNumber,
      objectId: 903,
    })
    const verify = (attemptNumber: number) => {
      const mixed = new TextEncoder().encode(JSON.stringify([events[0], unreadable(attemptNumber)]))
      return Effect.runPromise(
        source.verify({
          method: "POST",
          url: received,
          headers: signed(at, mixed),
          body: mixed,
          receivedAt: at,
        }),
      )
    }
    const first = await verify(0)
    expect(first.events.map((event) => event.type)).toEqual(["host.change", hubSpotUnparsedEventType])
    expect(first.events[1]!.payload).toMatchObject({
      index: 1,
      detail: "event 1 lacks fromObjectId, toObjectId, associationType, associationRemoved",
      raw: JSON.stringify(unreadable(0)),
    })
    const retried = await verify(1)
    expect(retried.events[1]!.id).toBe(first.events[1]!.id)
  })
})
