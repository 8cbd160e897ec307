import type { FeedBatch } from "@tixi/adapter-kit"
import { salesforceApprovalOutcomeFeed, salesforceChangeEventFeed } from "@tixi/adapter-salesforce"
import type { FakePubSubOptions } from "@tixi/adapter-salesforce/fake"
import { type HostChange, HostCrm, PortFailure } from "@tixi/core"
import { Effect, Exit, Fiber, Option } from "effect"
import { describe, expect, it } from "vitest"
import { suiteFields, until } from "./support/fake-org-harness.ts"
import { servedOrgWithPubSub } from "./support/scenes.ts"

// The change feeds the runtime reads (`intake.feeds`), against the fake org served on loopback
// HTTP and its Pub/Sub API on loopback gRPC. The runtime's part (keeping each batch with its
// position, running a feed again) is tested in @tixi/runtime and end to end in runtime-*.test.ts.

const servedOrg = (pubsubOptions: FakePubSubOptions = {}) => servedOrgWithPubSub(suiteFields, pubsubOptions)

/** The error a feed's run failed with, if it failed with one. */
const failureOf = <E>(exit: Exit.Exit<unknown, E>): E | undefined =>
  Option.getOrUndefined(Exit.findErrorOption(exit))

/** A replay id as the feed keeps it, as a number. */
const replayNumber = (position: string | undefined) =>
  position === undefined ? 0 : Number(BigInt(`0x${position}`))

describe("salesforceChangeEventFeed (Change Data Capture)", () => {
  it("keeps staff's changes as host.change events with each batch's last replay id, and resumes after it", async () => {
    const { fake, adapter, pubsub, close } = await servedOrg()
    try {
      const feed = salesforceChangeEventFeed(adapter, {
        endpoint: pubsub.endpoint,
        insecure: true,
        startAt: "earliest",
        batchSize: 2,
      })
      const batches: Array<FeedBatch> = []
      const keep = (batch: FeedBatch) => Effect.sync(() => void batches.push(batch))
      const running = Effect.runFork(
        Effect.provideService(feed.run(undefined, keep), HostCrm, adapter.hostCrm),
      )

      await Effect.runPromise(
        adapter.hostCrm.upsertCase({
          externalKey: "TS-7",
          subject: "包装破损",
          description: "d",
          status: "open",
          stage: "registered",
          priority: "high",
          fields: {},
        }),
      )
      const staffCase = fake.staff.create("Case", { Subject: "客户来电" })
      fake.staff.update("Case", staffCase, { Status: "Escalated" })
      const last = () => fake.org.changeEvents.at(-1)!.replayId
      await until(() => replayNumber(batches.at(-1)?.position) === last())

      // tixi's own Case write moved the position on but is not an event.
      const events = batches.flatMap((batch) => batch.events)
      expect(events.map((event) => [event.type, (event.payload as HostChange).changeType])).toEqual([
        ["host.change", "created"],
        ["host.change", "updated"],
      ])
      for (const event of events) {
        expect(event.id).toBe((event.payload as HostChange).changeId)
        expect(event.payload).toMatchObject({ recordId: staffCase, origin: "host" })
      }
      expect(batches.length).toBeGreaterThanOrEqual(2)
      expect(batches.every((batch) => batch.events.length <= 2)).toBe(true)
      await Effect.runPromise(Fiber.interrupt(running))
      // Interrupted, the feed closed its subscription.
      await until(() => pubsub.subscriptions() === 0)

      // Run again from the position kept: only what came after.
      const kept = batches.at(-1)!.position
      batches.length = 0
      const resumed = Effect.runFork(Effect.provideService(feed.run(kept, keep), HostCrm, adapter.hostCrm))
      fake.staff.update("Case", staffCase, { Subject: "客户再次来电" })
      await until(() => replayNumber(batches.at(-1)?.position) === last())
      expect(
        batches.flatMap((batch) => batch.events.map((event) => (event.payload as HostChange).changeType)),
      ).toEqual(["updated"])
      await Effect.runPromise(Fiber.interrupt(resumed))
    } finally {
      await close()
    }
  })

  it("waits for each batch to be kept before asking for the next", async () => {
    const { fake, adapter, pubsub, close } = await servedOrg()
    try {
      const feed = salesforceChangeEventFeed(adapter, {
        endpoint: pubsub.endpoint,
        insecure: true,
        batchSize: 1,
      })
      const positions: Array<string | undefined> = []
      let keeping = 0
      let most = 0
      const keep = (batch: FeedBatch) =>
        Effect.gen(function* () {
          keeping += 1
          most = Math.max(most, keeping)
          yield* Effect.sleep("30 millis")
          positions.push(batch.position)
          keeping -= 1
        })
      const running = Effect.runFork(
        Effect.provideService(feed.run(undefined, keep), HostCrm, adapter.hostCrm),
      )
      await until(() => pubsub.subscriptions() === 1)
      await new Promise((resolve) => setTimeout(resolve, 50))
      for (const subject of ["一", "二", "三"]) fake.staff.create("Case", { Subject: subject })
      await until(() => positions.length === 3)
      expect(most).toBe(1)
      expect(positions.map(replayNumber)).toEqual(
        fake.org.changeEvents.slice(-3).map((event) => event.replayId),
      )
      await Effect.runPromise(Fiber.interrupt(running))
    } finally {
      await close()
    }
  })

  it("keeps the stream's latest replay id from keepalives, so a quiet org's position does not age out", async () => {
    const { fake, adapter, pubsub, close } = await servedOrg({ keepAliveMillis: 50 })
    try {
      fake.staff.create("Case", { Subject: "订阅之前" })
      const feed = salesforceChangeEventFeed(adapter, { endpoint: pubsub.endpoint, insecure: true })
      const batches: Array<FeedBatch> = []
      const running = Effect.runFork(
        Effect.provideService(
          feed.run(undefined, (batch) => Effect.sync(() => void batches.push(batch))),
          HostCrm,
          adapter.hostCrm,
        ),
      )
      await until(() => batches.length > 0)
      expect(batches[0]).toEqual({
        events: [],
        position: fake.org.changeEvents.at(-1)!.replayId.toString(16).padStart(16, "0"),
      })
      await Effect.runPromise(Fiber.interrupt(running))
    } finally {
      await close()
    }
  })

  it("fails with a retryable PortFailure when the server ends the stream or goes away", async () => {
    const { adapter, pubsub, close } = await servedOrg()
    try {
      const feed = salesforceChangeEventFeed(adapter, { endpoint: pubsub.endpoint, insecure: true })
      const run = () =>
        Effect.runFork(
          Effect.provideService(
            feed.run(undefined, () => Effect.void),
            HostCrm,
            adapter.hostCrm,
          ),
        )
      const ended = run()
      await until(() => pubsub.subscriptions() === 1)
      pubsub.endSubscriptions()
      const endedFailure = failureOf(await Effect.runPromise(Fiber.await(ended)))
      expect(endedFailure).toBeInstanceOf(PortFailure)
      expect(endedFailure?.isRetryable).toBe(true)

      const cutOff = run()
      await until(() => pubsub.subscriptions() === 1)
      await pubsub.close()
      const cutOffFailure = failureOf(await Effect.runPromise(Fiber.await(cutOff)))
      expect(cutOffFailure).toBeInstanceOf(PortFailure)
      expect(cutOffFailure?.isRetryable).toBe(true)
    } finally {
      await close()
    }
  })

  it("refuses a kept position that is not a replay id, naming the feed", async () => {
    const { adapter, close } = await servedOrg()
    try {
      const feed = salesforceChangeEventFeed(adapter, { name: "org-cdc" })
      const exit = await Effect.runPromiseExit(
        Effect.provideService(
          feed.run("eyJ2ZXJzaW9uIjoxfQ", () => Effect.void),
          HostCrm,
          adapter.hostCrm,
        ),
      )
      expect(failureOf(exit)).toMatchObject({
        reason: { _tag: "InvalidRequest" },
        detail: expect.stringContaining("feed org-cdc"),
      })
    } finally {
      await close()
    }
  })
})

describe("salesforceApprovalOutcomeFeed", () => {
  it("is named apart from the change feeds and fails a cursor it did not issue", async () => {
    const { adapter, close } = await servedOrg()
    try {
      const feed = salesforceApprovalOutcomeFeed(adapter)
      expect(feed.name).toBe("salesforce-approvals")
      expect(salesforceChangeEventFeed(adapter).name).toBe("salesforce-cdc")
      const exit = await Effect.runPromiseExit(
        Effect.provideService(
          feed.run("not-a-cursor", () => Effect.void),
          HostCrm,
          adapter.hostCrm,
        ),
      )
      expect(failureOf(exit)).toBeInstanceOf(PortFailure)
      expect(failureOf(exit)?.isRetryable).toBe(false)
    } finally {
      await close()
    }
  })
})
