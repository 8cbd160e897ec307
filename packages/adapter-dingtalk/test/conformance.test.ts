import { Approvals } from "@tixi/core"
import { approvalsSuite, directorySuite, notifierSuite, sampleCompany } from "@tixi/testing"
import { Context, Effect, Layer } from "effect"
import { afterAll, beforeAll } from "vitest"
import { layer, make } from "../src/adapter.ts"
import type { DingTalkFake } from "../src/testing/dingtalk-fake.ts"
import { settingsFor, startCompanyFake } from "./support.ts"

let fake: DingTalkFake
let templates = 0
beforeAll(async () => {
  fake = await startCompanyFake()
})
afterAll(() => fake.close())

// A fresh adapter per case; templates are installed once per adapter, then the suite submits.
const adapterLayer = () =>
  Layer.effectContext(
    Effect.gen(function* () {
      const adapter = yield* make(settingsFor(fake.url, { templateNamePrefix: `t${++templates}-` }))
      yield* adapter.install({ dryRun: false })
      return Context.make(Approvals, adapter.approvals)
    }),
  )

approvalsSuite("DingTalk", {
  layer: adapterLayer,
  decide: (id, approver, outcome) =>
    Effect.sync(() =>
      fake.decide(
        id,
        sampleCompany.people.find((person) => person.id === approver)!.accounts.dingtalk!,
        outcome === "approved" ? "agree" : "refuse",
      ),
    ),
})

directorySuite(
  "DingTalk",
  {
    layer: () => layer(settingsFor(fake.url)),
    mapped: (mapping) => layer(settingsFor(fake.url, mapping)),
  },
  sampleCompany,
)

notifierSuite("DingTalk work notices", {
  layer: () => layer(settingsFor(fake.url, { agentId: 4001 })),
  deliveries: (key) =>
    Effect.sync(() => fake.notices().filter((notice) => notice.text.endsWith(`tixi ${key}</font>`)).length),
})
