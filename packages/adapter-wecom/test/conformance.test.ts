import { Approvals } from "@tixi/core"
import { approvalsSuite, directorySuite, notifierSuite, sampleCompany } from "@tixi/testing"
import { Context, Effect, Layer } from "effect"
import { afterAll, beforeAll } from "vitest"
import { layer, make } from "../src/adapter.ts"
import type { WeComFake } from "../src/testing/wecom-fake.ts"
import { settingsFor, startCompanyFake } from "./support.ts"

let fake: WeComFake
let templates = 0
beforeAll(async () => {
  fake = await startCompanyFake()
})
afterAll(() => fake.close())

const wecomId = (personId: string) =>
  sampleCompany.people.find((person) => person.id === personId)!.accounts.wecom!

approvalsSuite(
  "WeCom",
  {
    layer: () =>
      Layer.effectContext(
        Effect.gen(function* () {
          const adapter = yield* make(settingsFor(fake.url, { templateNamePrefix: `t${++templates}-` }))
          yield* adapter.install({ dryRun: false })
          return Context.make(Approvals, adapter.approvals)
        }),
      ),
    decide: (id, approver, outcome) =>
      Effect.sync(() => fake.decide(id, wecomId(approver), outcome === "approved" ? "approve" : "reject")),
  },
  {
    skip: {
      "withdraw is repeatable and final":
        "WeCom's API has no withdrawal: the applicant withdraws in the app; covered by the adapter's withdrawal tests",
    },
  },
)

directorySuite(
  "WeCom",
  {
    layer: () => layer(settingsFor(fake.url)),
    mapped: (mapping) => layer(settingsFor(fake.url, mapping)),
  },
  sampleCompany,
)

notifierSuite("WeCom app messages", {
  layer: () => layer(settingsFor(fake.url, { agentId: 3010040 })),
  deliveries: (key) =>
    Effect.sync(
      () => fake.messages().filter((message) => message.content.endsWith(`tixi ${key}</font>`)).length,
    ),
})
