import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { recordedFlows } from "./recorded/index.ts"
import { asStored, foldRecorded, type RecordedFlow } from "./recorded/scenario.ts"

const read = (file: string): RecordedFlow =>
  JSON.parse(readFileSync(new URL(`./recorded/${file}.json`, import.meta.url), "utf8")) as RecordedFlow

// Every fixture was recorded from the hand-written deciders (see scripts/record-flow-logs.ts):
// today's definitions must read those stored events to the same states, wait on the same
// timers and ask for the same effects under the same idempotency keys.
describe.each(Object.entries(recordedFlows))("stored events of %s", (file, scenarios) => {
  const recorded = read(file)
  const definition = scenarios[0]!.definition

  it("are recorded for every scenario the flow declares, under the same process name and version", () => {
    expect(recorded.flow).toBe(definition.name)
    expect(recorded.version).toBe(definition.version)
    expect(recorded.scenarios.map((scenario) => scenario.name).sort()).toEqual(
      scenarios.map((scenario) => scenario.name).sort(),
    )
  })

  it.each(recorded.scenarios.map((scenario) => [scenario.name, scenario] as const))(
    "%s: replays to the same states, deadlines and effects",
    (_name, scenario) => {
      const replayed = foldRecorded(definition, scenario.instanceId, scenario.events)
      expect(replayed).toHaveLength(scenario.after.length)
      replayed.forEach((step, index) => {
        expect(
          asStored(step),
          `after event ${index} (${String((scenario.events[index] as { type: string }).type)})`,
        ).toEqual(scenario.after[index])
      })
    },
  )
})
