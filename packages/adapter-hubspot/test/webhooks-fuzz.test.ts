import { IntakeRejected } from "@tixi/adapter-kit"
import { signWebhook } from "@tixi/testing/hubspot"
import { Cause, Effect, Exit } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  handleHubSpotWebhook,
  hubSpotIntakeSource,
  makeInMemorySeenEvents,
  maxEventsPerDelivery,
  parseWebhookEvents,
} from "../src/index.ts"

// Issue 12, fuzzing: arbitrary bytes and structurally valid nonsense reaching HubSpot's webhook
// endpoint get a typed answer (events, set-aside events, or a refusal), never a crash, a hang or
// a half-read event. Each property runs `runs` cases; the note in the changelog reports the total.
const runs = 400
const secret = "fuzz-client-secret"
const webhookUrl = "https://tixi.example.com/hooks/hubspot"
const at = 1_767_600_000_000

/** Names that look like object or property names but are Object.prototype's own keys. */
const awkwardNames = ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"]
const objectName = fc.constantFrom("ticket", "company", "contact", "deal", "object", ...awkwardNames)
const kind = fc.constantFrom(
  "creation",
  "deletion",
  "propertyChange",
  "associationChange",
  "merge",
  "restore",
  "privacyDeletion",
  "",
)
const anyValue = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(undefined))
const id = fc.oneof(fc.integer(), fc.double(), fc.string({ maxLength: 8 }), fc.constant(null))

/** An event as HubSpot might send it, with every field possibly missing, mistyped or odd. */
const nonsenseEvent = fc.record(
  {
    eventId: id,
    subscriptionId: id,
    portalId: id,
    appId: id,
    occurredAt: id,
    attemptNumber: id,
    subscriptionType: fc.oneof(
      fc.tuple(objectName, kind).map(([name, what]) => `${name}.${what}`),
      fc.string(),
    ),
    objectId: id,
    fromObjectId: id,
    toObjectId: id,
    associationType: fc.oneof(fc.constantFrom("TICKET_TO_COMPANY", "CONTACT_TO_COMPANY"), fc.string()),
    associationRemoved: fc.oneof(fc.boolean(), anyValue),
    propertyName: fc.oneof(fc.constantFrom("subject", "hs_pipeline_stage", ...awkwardNames), fc.string()),
    propertyValue: anyValue,
    changeSource: fc.constantFrom("CRM_UI", "INTEGRATION", "API"),
    sourceId: fc.oneof(fc.constantFrom("54321", "userId:5"), fc.string()),
  },
  { requiredKeys: [] },
)
const nonsenseBody = fc.oneof(
  fc.array(fc.oneof(nonsenseEvent, anyValue), { maxLength: maxEventsPerDelivery + 5 }),
  anyValue,
)

const expectTypedChange = (change: {
  readonly changeId: unknown
  readonly recordId: unknown
  readonly object: unknown
  readonly changeType: unknown
  readonly changedFields: ReadonlyArray<unknown>
  readonly occurredAt: unknown
}) => {
  expect(typeof change.changeId).toBe("string")
  expect(typeof change.recordId).toBe("string")
  expect(["case", "customer"]).toContain(change.object)
  expect(["created", "updated", "deleted"]).toContain(change.changeType)
  expect(change.changedFields.every((field) => typeof field === "string")).toBe(true)
  expect(Number.isFinite(change.occurredAt)).toBe(true)
}

describe("HubSpot webhook events under fuzzing", () => {
  it("parses any bytes into events and set-aside events, or refuses the body with a reason", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 2_000 }),
          nonsenseBody.map((body) => new TextEncoder().encode(JSON.stringify(body) ?? "")),
        ),
        (bytes) => {
          const parsed = parseWebhookEvents(bytes)
          if (!parsed.ok) {
            expect(parsed.detail.length).toBeGreaterThan(0)
            return
          }
          // Every delivered element is either taken or set aside, never both, never lost.
          const delivered = JSON.parse(Buffer.from(bytes).toString("utf8")) as ReadonlyArray<unknown>
          expect(parsed.events.length + parsed.skipped.length).toBe(delivered.length)
          expect(new Set(parsed.skipped.map((skipped) => skipped.index)).size).toBe(parsed.skipped.length)
        },
      ),
      { numRuns: runs },
    )
  })

  it("answers every signed delivery 200 or 400 with typed changes, never a crash", async () => {
    await fc.assert(
      fc.asyncProperty(nonsenseBody, async (body) => {
        const rawBody = JSON.stringify(body) ?? ""
        const exit = await Effect.runPromiseExit(
          handleHubSpotWebhook(
            {
              method: "POST",
              uri: webhookUrl,
              rawBody,
              headers: signWebhook("v3", secret, "POST", webhookUrl, rawBody, Date.now()),
            },
            { clientSecret: secret, seen: makeInMemorySeenEvents() },
          ),
        )
        expect(Exit.isSuccess(exit) ? "answered" : Cause.pretty(exit.cause)).toBe("answered")
        if (!Exit.isSuccess(exit)) return
        const outcome = exit.value
        expect([200, 400]).toContain(outcome.status)
        if (outcome.status === 200) for (const change of outcome.changes) expectTypedChange(change)
      }),
      { numRuns: runs },
    )
  })

  it("gives the runtime's intake whole events or a typed refusal, for signed nonsense and unsigned bytes", () => {
    const source = hubSpotIntakeSource({ clientSecret: secret, webhookUrl })
    fc.assert(
      fc.property(
        fc.oneof(
          nonsenseBody.map((body) => JSON.stringify(body) ?? ""),
          fc.string({ maxLength: 2_000 }),
        ),
        fc.boolean(),
        (text, signed) => {
          const body = new TextEncoder().encode(text)
          const headers: Record<string, string> = signed
            ? Object.fromEntries(
                Object.entries(signWebhook("v3", secret, "POST", webhookUrl, text, at)).map(
                  ([name, value]) => [name.toLowerCase(), value],
                ),
              )
            : { "x-hubspot-signature-v3": text.slice(0, 44), "x-hubspot-request-timestamp": String(at) }
          const exit = Effect.runSyncExit(
            source.verify({
              method: "POST",
              url: new URL("http://intake.local/hooks/hubspot"),
              headers,
              body,
              receivedAt: at,
            }),
          )
          if (Exit.isSuccess(exit)) {
            expect(signed).toBe(true)
            for (const event of exit.value.events) {
              expect(event.id.length).toBeGreaterThan(0)
              if (event.type === "host.change")
                expectTypedChange(event.payload as Parameters<typeof expectTypedChange>[0])
              else expect(event.type).toBe("hubspot.unparsed")
            }
            return
          }
          const failure = exit.cause.reasons.find((reason) => reason._tag === "Fail")
          expect(failure?._tag === "Fail" && failure.error).toBeInstanceOf(IntakeRejected)
        },
      ),
      { numRuns: runs },
    )
  })

  it("keeps whole events writable as JSON when a delivery nests values too deeply to write", async () => {
    // Under the intake's 1 MiB limit, but deeper than JSON.stringify's stack allows.
    const deep = `${"[".repeat(200_000)}${"]".repeat(200_000)}`
    const event = `{"eventId":1,"subscriptionId":2,"occurredAt":${at},"subscriptionType":"company.propertyChange","objectId":3,"propertyName":"name","propertyValue":${deep}}`
    const text = `[${event},${deep}]`
    const source = hubSpotIntakeSource({ clientSecret: secret, webhookUrl })
    const headers = Object.fromEntries(
      Object.entries(signWebhook("v3", secret, "POST", webhookUrl, text, at)).map(([name, value]) => [
        name.toLowerCase(),
        value,
      ]),
    )
    const delivery = await Effect.runPromise(
      source.verify({
        method: "POST",
        url: new URL("http://intake.local/hooks/hubspot"),
        headers,
        body: new TextEncoder().encode(text),
        receivedAt: at,
      }),
    )
    expect(delivery.events.map((stored) => stored.type)).toEqual(["host.change", "hubspot.unparsed"])
    expect(() => JSON.stringify(delivery.events)).not.toThrow()
    expect(delivery.events[1]!.payload).toMatchObject({
      index: 1,
      raw: "(not kept: nested too deeply to write as JSON)",
    })
  })
})
