import { defaultFakeApp, FakeHubSpotPortal, signWebhook } from "@tixi/testing/hubspot"
import { Effect } from "effect"
import { http } from "msw"
import { setupServer } from "msw/node"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type HubSpotAdapter, make, type WebhookChange, type WebhookOutcome } from "../src/index.ts"
import { fakeOptions, testFields } from "./support/fake-portal.ts"

const targetUrl = "https://tixi.example.com/hubspot/webhooks?portal=62515"
let clockOffset = 0
const portal = new FakeHubSpotPortal({ now: () => Date.now() + clockOffset })
const server = setupServer(http.all("https://api.hubapi.com/*", ({ request }) => portal.fetch(request)))
beforeAll(() => server.listen({ onUnhandledFrame: "error" }))
afterAll(() => server.close())

let adapter: HubSpotAdapter
const outcomes: Array<WebhookOutcome> = []
const stored: Array<WebhookChange> = []
let failStorage = 0

/** The endpoint: the raw body and headers go to the adapter exactly as they arrived. */
const endpoint = async (request: Request) => {
  const rawBody = new Uint8Array(await request.arrayBuffer())
  const outcome = await Effect.runPromise(
    adapter.handleWebhook(
      { method: request.method, uri: request.url, rawBody, headers: request.headers },
      {
        deliver: (changes) =>
          failStorage > 0
            ? Effect.sync(() => {
                failStorage -= 1
              }).pipe(Effect.flatMap(() => Effect.fail("storage is down")))
            : Effect.sync(() => stored.push(...changes)),
      },
    ),
  )
  outcomes.push(outcome)
  return new Response(null, { status: outcome.status })
}

/** The fields every event of a hand-made delivery shares. */
const commonFields = (subscriptionId: number, occurredAt: number) => ({
  subscriptionId,
  portalId: 62515,
  appId: defaultFakeApp.appId,
  occurredAt,
  attemptNumber: 0,
})

/** A delivery HubSpot signed (v3) for the target URL, handed straight to the adapter. */
const signedDelivery = (rawBody: string, timestamp: number) =>
  Effect.runPromise(
    adapter.handleWebhook({
      method: "POST",
      uri: targetUrl,
      rawBody,
      headers: signWebhook("v3", defaultFakeApp.clientSecret, "POST", targetUrl, rawBody, timestamp),
    }),
  )

beforeAll(async () => {
  adapter = await Effect.runPromise(make(fakeOptions({ webhookUrl: targetUrl, fields: testFields })))
  await Effect.runPromise(adapter.install({ dryRun: false }))
  portal.webhooks.configure({
    app: defaultFakeApp,
    targetUrl,
    signatureVersion: "v3",
    subscriptions: [
      { subscriptionType: "ticket.creation" },
      { subscriptionType: "ticket.propertyChange", propertyName: "subject" },
      { subscriptionType: "ticket.propertyChange", propertyName: "hs_pipeline_stage" },
      { subscriptionType: "ticket.propertyChange", propertyName: "tixi_escalation_level" },
      { subscriptionType: "company.propertyChange", propertyName: "name" },
    ],
    deliver: endpoint,
  })
})

const pipelineOf = () => portal.store.ticketPipelines().find((pipeline) => pipeline.label.startsWith("tixi"))!

describe("webhooks from the fake portal", () => {
  it("turns a ticket opened by staff into one host change, and drops tixi's own writes as echoes", async () => {
    const pipeline = pipelineOf()
    const ticket = portal.staff().create("tickets", {
      subject: "货物破损",
      hs_pipeline: pipeline.id,
      hs_pipeline_stage: pipeline.stages[0]!.id,
    })
    await portal.webhooks.flush()
    const opened = stored.filter((change) => change.recordId === ticket.id)
    expect(opened.map((change) => [change.changeType, change.origin])).toEqual([
      ["created", "host"],
      ["updated", "host"],
      ["updated", "host"],
    ])
    expect(opened.map((change) => change.changedFields)).toEqual([[], ["subject"], ["stage"]])

    // tixi adopts the ticket and writes its deadline and escalation: HubSpot reports those
    // writes too, from tixi's app, and the handler drops them.
    stored.length = 0
    outcomes.length = 0
    await Effect.runPromise(
      adapter.hostCrm.upsertCase({
        externalKey: `hubspot:ticket:${ticket.id}`,
        subject: "货物破损",
        description: "",
        status: "open",
        stage: "investigating",
        priority: "high",
        fields: { escalation_level: 1, sla_due_at: 1_767_700_000_000 },
      }),
    )
    await portal.webhooks.flush()
    expect(stored).toEqual([])
    const delivered = outcomes.filter((outcome) => outcome.status === 200)
    expect(
      delivered.reduce((sum, outcome) => sum + (outcome.status === 200 ? outcome.echoes : 0), 0),
    ).toBeGreaterThanOrEqual(2)
  })

  it("drops a duplicated delivery of the same events", async () => {
    stored.length = 0
    outcomes.length = 0
    const company = portal.staff().create("companies", { name: "华东机电" })
    portal.staff().update("companies", company.id, { name: "华东机电有限公司" })
    portal.webhooks.duplicateNext()
    await portal.webhooks.flush()
    expect(outcomes).toHaveLength(2)
    expect(outcomes[1]).toMatchObject({ status: 200, duplicates: 2, changes: [] })
    expect(stored.map((change) => change.recordId)).toEqual([
      `company:${company.id}`,
      `company:${company.id}`,
    ])
  })

  it("answers 503 when the changes cannot be stored, and takes HubSpot's retry later", async () => {
    stored.length = 0
    outcomes.length = 0
    failStorage = 1
    const company = portal.staff().create("companies", { name: "西南物流" })
    await portal.webhooks.flush()
    expect(outcomes.map((outcome) => outcome.status)).toEqual([503])
    expect(stored).toEqual([])
    expect(portal.webhooks.queued).toBe(1)
    // HubSpot retries after about a minute (75 s at most), with attemptNumber 1.
    clockOffset += 76_000
    await portal.webhooks.flush()
    expect(outcomes.map((outcome) => outcome.status)).toEqual([503, 200])
    expect(stored).toHaveLength(1)
    expect(stored[0]).toMatchObject({ recordId: `company:${company.id}`, origin: "host" })
    expect(stored[0]!.event.attemptNumber).toBe(1)
  })

  it("receives more than 100 events as deliveries of at most 100", async () => {
    stored.length = 0
    outcomes.length = 0
    for (let index = 0; index < 150; index++) portal.staff().create("companies", { name: `客户 ${index}` })
    await portal.webhooks.flush()
    const sizes = portal.webhooks.deliveries.slice(-2).map((delivery) => delivery.eventCount)
    expect(sizes).toEqual([100, 50])
    expect(stored).toHaveLength(150)
  })

  it("refuses a tampered delivery with 401 and a body that is not events with 400", async () => {
    const body = JSON.stringify([{ eventId: 1 }])
    const tampered = await Effect.runPromise(
      adapter.handleWebhook({
        method: "POST",
        uri: targetUrl,
        rawBody: body,
        headers: { "X-HubSpot-Signature-v3": "AAAA", "X-HubSpot-Request-Timestamp": String(Date.now()) },
      }),
    )
    expect(tampered).toMatchObject({ status: 401, rejection: "bad-signature" })
    const timestamp = Date.now()
    const tooMany = JSON.stringify(
      Array.from({ length: 101 }, (_, index) => ({
        eventId: index,
        subscriptionId: 1,
        portalId: 62515,
        appId: 54321,
        occurredAt: timestamp,
        subscriptionType: "company.creation",
        attemptNumber: 0,
        objectId: index,
      })),
    )
    for (const [rawBody, detail] of [
      ["not json", "not JSON"],
      [JSON.stringify({ eventId: 1 }), "not an array"],
      [tooMany, "at most 100"],
    ] as const) {
      const outcome = await signedDelivery(rawBody, timestamp)
      expect(outcome).toMatchObject({ status: 400, rejection: "malformed-body" })
      expect(outcome.status === 400 && outcome.detail).toContain(detail)
    }
  })

  it("takes an association change (fromObjectId/toObjectId, no objectId) as a change of the subscribed record", async () => {
    stored.length = 0
    outcomes.length = 0
    portal.webhooks.configure({
      app: defaultFakeApp,
      targetUrl,
      signatureVersion: "v3",
      subscriptions: [{ subscriptionType: "company.associationChange" }],
      deliver: endpoint,
    })
    const company = portal.staff().create("companies", { name: "华北重工" })
    const contact = portal.staff().create("contacts", { email: "li@example.cn" })
    portal.staff().associate("companies", company.id, "contacts", contact.id)
    await portal.webhooks.flush()
    expect(outcomes.map((outcome) => outcome.status)).toEqual([200])
    expect(stored).toMatchObject([
      {
        recordId: `company:${company.id}`,
        changeType: "updated",
        changedFields: ["associations"],
        origin: "host",
      },
    ])
    expect(stored[0]!.changeId).toContain(`:${company.id}:COMPANY_TO_CONTACT>${contact.id}`)
  })

  it("sets aside an event it cannot read and takes the rest of the delivery", async () => {
    const timestamp = Date.now()
    const common = commonFields(7, timestamp)
    const rawBody = JSON.stringify([
      { ...common, eventId: 1, subscriptionType: "company.creation", objectId: 501, changeSource: "CRM_UI" },
      { ...common, eventId: 2, subscriptionType: "company.propertyChange", propertyName: "name" },
      "not an event",
      {
        ...common,
        eventId: 3,
        subscriptionType: "contact.associationChange",
        associationType: "CONTACT_TO_COMPANY",
        fromObjectId: 601,
        toObjectId: 501,
        associationRemoved: true,
        isPrimaryAssociation: false,
        changeSource: "CRM_UI",
      },
    ])
    const outcome = await signedDelivery(rawBody, timestamp)
    expect(outcome.status).toBe(200)
    if (outcome.status !== 200) return
    expect(outcome.changes.map((change) => [change.recordId, change.changedFields])).toEqual([
      ["company:501", []],
      ["contact:601", ["associations"]],
    ])
    expect(outcome.skipped.map((skipped) => [skipped.index, skipped.detail])).toEqual([
      [1, "event 1 lacks objectId"],
      [2, "event 2 is not an object"],
    ])
  })

  it("reads an event by its subscription type and refuses record ids that name no record (found by fuzzing)", async () => {
    const timestamp = Date.now()
    const common = commonFields(9, timestamp)
    const rawBody = JSON.stringify([
      // A stray fromObjectId does not make a creation an association change.
      { ...common, eventId: 21, subscriptionType: "company.creation", objectId: 801, fromObjectId: 5 },
      // 1e21 has lost its digits on the way through JSON; -1 and 1.5 are no HubSpot ids.
      { ...common, eventId: 22, subscriptionType: "company.creation", objectId: 1e21 },
      { ...common, eventId: 23, subscriptionType: "company.creation", objectId: -1 },
      {
        ...common,
        eventId: 24,
        subscriptionType: "contact.associationChange",
        associationType: "CONTACT_TO_COMPANY",
        fromObjectId: 1.5,
        toObjectId: 801,
        associationRemoved: false,
      },
    ])
    const outcome = await signedDelivery(rawBody, timestamp)
    expect(outcome.status).toBe(200)
    if (outcome.status !== 200) return
    expect(outcome.changes.map((change) => [change.recordId, change.changeType])).toEqual([
      ["company:801", "created"],
    ])
    expect(outcome.skipped.map((skipped) => [skipped.index, skipped.detail])).toEqual([
      [1, "event 1 lacks objectId"],
      [2, "event 2 lacks objectId"],
      [3, "event 3 lacks fromObjectId"],
    ])
  })

  it("follows only its own object and property names, not Object.prototype's (found by fuzzing)", async () => {
    const timestamp = Date.now()
    const common = commonFields(8, timestamp)
    const rawBody = JSON.stringify([
      { ...common, eventId: 11, subscriptionType: "constructor.creation", objectId: 701 },
      { ...common, eventId: 12, subscriptionType: "hasOwnProperty.deletion", objectId: 702 },
      {
        ...common,
        eventId: 13,
        subscriptionType: "company.propertyChange",
        objectId: 703,
        propertyName: "toString",
      },
    ])
    const outcome = await signedDelivery(rawBody, timestamp)
    expect(outcome).toMatchObject({ status: 200, ignored: 2 })
    expect(
      outcome.status === 200 && outcome.changes.map((change) => [change.recordId, change.changedFields]),
    ).toEqual([["company:703", ["toString"]]])
  })
})
