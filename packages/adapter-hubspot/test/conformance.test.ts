import { HostCrm, hostRecordId } from "@tixi/core"
import { hostCrmSuite } from "@tixi/testing"
import { Effect, Layer } from "effect"
import { HubSpot, layer } from "../src/index.ts"
import { fakeOptions, useFakePortal } from "./support/fake-portal.ts"

const fake = useFakePortal()

// Each case gets a fresh portal where tixi's pipeline and key properties are installed (an
// administrator runs install once); the suite's own fields are created by the adapter as it writes.
const freshHost = () => {
  fake.fresh()
  return Layer.effectContext(
    Effect.gen(function* () {
      const adapter = yield* HubSpot
      yield* adapter.install({ dryRun: false, fields: [] })
      return Effect.context<HostCrm | HubSpot>()
    }).pipe(Effect.flatten),
  ).pipe(Layer.provideMerge(layer(fakeOptions())))
}

hostCrmSuite<HubSpot>(
  "HubSpot (fake portal over msw)",
  {
    layer: freshHost,
    staffOpensCase: (subject) =>
      Effect.gen(function* () {
        const adapter = yield* HubSpot
        yield* HostCrm
        const pipelines = fake.portal.store.ticketPipelines()
        const pipeline = pipelines.find(
          (candidate) => candidate.label === adapter.settings.pipelineLabel["zh-CN"],
        )!
        const ticket = fake.portal.staff().create("tickets", {
          subject,
          content: "客户来电",
          hs_pipeline: pipeline.id,
          hs_pipeline_stage: pipeline.stages[0]!.id,
        })
        return hostRecordId(ticket.id)
      }),
  },
  { timeout: 20_000 },
)
