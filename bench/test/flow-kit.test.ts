import { describe, expect, it } from "vitest"
import { flowLifecycles, runBaselineLifecycle, runLifecycle } from "../support/flow-lifecycles.ts"

describe("the flow-kit benchmark's lifecycles", () => {
  it.each(flowLifecycles.map((flow) => [flow.name, flow] as const))(
    "%s: every instance reaches its final state through the decider and through the baseline",
    (_name, flow) => {
      for (let index = 0; index < 12; index++) {
        expect(runLifecycle(flow, index).status).toBe(flow.finalStatus)
        expect(runBaselineLifecycle(flow, index)).toBe(flow.steps(`FK-${index}`, index).length)
      }
    },
  )
})
