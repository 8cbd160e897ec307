import { describe, expect, it } from "vitest"
import { measuredBeforeRewrite } from "../support/flow-kit-before-rewrite.ts"
import { flowLifecycles, runBaselineLifecycle, runLifecycle } from "../support/flow-lifecycles.ts"
import { comparePaired } from "../support/paired-comparison.ts"

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

describe("the flow-kit benchmark's comparison with the code before the rewrite", () => {
  const thisTree = { flowLifecycles, runLifecycle }

  it("compares every flow with the flow of the same name in the other tree", () => {
    const figures = comparePaired(thisTree, thisTree, { lifecycles: 2, rounds: 1 })
    expect(figures.map((figure) => figure.flow)).toEqual(flowLifecycles.map((flow) => flow.name))
    for (const figure of figures) {
      expect(figure.newMicroseconds).toBeGreaterThan(0)
      expect(figure.oldMicroseconds).toBeGreaterThan(0)
      expect(figure.speedNewOverOld).toBeGreaterThan(0)
    }
  })

  it("refuses a baseline tree that lacks one of the flows, naming it", () => {
    const without = { flowLifecycles: flowLifecycles.slice(1), runLifecycle }
    expect(() => comparePaired(thisTree, without, { lifecycles: 1, rounds: 1 })).toThrow(
      `the baseline tree has no flow named ${flowLifecycles[0]!.name}`,
    )
  })

  it("records a paired figure for each of the eight flows, against the commit before the rewrite", () => {
    expect(measuredBeforeRewrite.perFlow.map((figure) => figure.flow)).toEqual(
      flowLifecycles.map((flow) => flow.name),
    )
    expect(measuredBeforeRewrite.commitCompared).toBe("187c196")
  })
})
