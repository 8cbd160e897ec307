// Recorded event logs: what an instance of a flow stored before the flow-kit rewrite (its
// events), with the state, deadlines and effect requests after each event. The replay test feeds
// the stored events to today's definition and must get the same, so instances stored by an older
// tixi keep their meaning and no host effect is asked for again under a new idempotency key.
import { Result } from "effect"
import type { AnyProcessDefinition } from "../../../src/process/definition.ts"

/** One command of a scenario, `after` milliseconds from its start; a function reads the state reached (an approval key). */
export interface ScenarioStep {
  readonly after: number
  // biome-ignore lint/suspicious/noExplicitAny: scenarios hold commands of eight flows side by side.
  readonly command: Readonly<Record<string, unknown>> | ((state: any) => Readonly<Record<string, unknown>>)
}

/** A path through a flow, named after the chart's path it takes. */
export interface Scenario {
  readonly flow: string
  readonly name: string
  readonly definition: AnyProcessDefinition
  readonly instanceId: string
  readonly start: number
  readonly steps: ReadonlyArray<ScenarioStep>
}

/** What a scenario stored: its events and, after each, the state, the deadlines and the effects asked for. */
export interface RecordedScenario {
  readonly name: string
  readonly instanceId: string
  readonly events: ReadonlyArray<unknown>
  readonly after: ReadonlyArray<{
    readonly state: unknown
    readonly status: string
    readonly finished: boolean
    readonly deadlines: unknown
    readonly effects: unknown
  }>
}

/** The file of one flow's recorded scenarios. */
export interface RecordedFlow {
  readonly flow: string
  readonly version: number
  readonly recordedFrom: string
  readonly scenarios: ReadonlyArray<RecordedScenario>
}

/** Plain JSON, as a store keeps it (undefined fields dropped). */
export const asStored = (value: unknown): unknown => JSON.parse(JSON.stringify(value ?? null))

/** The states, deadlines and effects after each of `events`, as `definition` computes them. */
export function foldRecorded(
  definition: AnyProcessDefinition,
  instanceId: string,
  events: ReadonlyArray<unknown>,
): RecordedScenario["after"] {
  let state = definition.initialState
  return events.map((event, sequence) => {
    state = definition.evolve(state, event)
    return {
      state: asStored(state),
      status: definition.statusOf(state),
      finished: definition.isFinished(state),
      deadlines: asStored(definition.deadlines(state)),
      effects: asStored(definition.effects(state, event, { instanceId, sequence })),
    }
  })
}

/** Runs a scenario's commands (each must be accepted) and records what was stored. */
export function recordScenario(scenario: Scenario): RecordedScenario {
  let state = scenario.definition.initialState
  const events: Array<unknown> = []
  for (const step of scenario.steps) {
    const body = typeof step.command === "function" ? step.command(state) : step.command
    // A body that carries its own instant (a lifecycle stamped by the bench) keeps it.
    const decided = scenario.definition.decide(state, { at: scenario.start + step.after, ...body })
    if (Result.isFailure(decided)) {
      throw new Error(
        `${scenario.flow} / ${scenario.name}: ${String(body.type)} refused: ${String(decided.failure)}`,
      )
    }
    for (const event of decided.success) {
      state = scenario.definition.evolve(state, event)
      events.push(asStored(event))
    }
  }
  return {
    name: scenario.name,
    instanceId: scenario.instanceId,
    events,
    after: foldRecorded(scenario.definition, scenario.instanceId, events),
  }
}

/**
 * The happy path the `flow-kit` bench drives for `lifecycleName`, as a scenario: the same
 * commands from the same start, so the bench and the replay test speak of the same path.
 */
export function lifecycleScenario(
  lifecycles: ReadonlyArray<{
    readonly name: string
    readonly definition: AnyProcessDefinition
    readonly steps: (id: string, index: number) => ReadonlyArray<ScenarioStep>
  }>,
  lifecycleName: string,
  start: number,
  stamp: (step: ScenarioStep, state: unknown, start: number) => Readonly<Record<string, unknown>>,
): Scenario {
  const lifecycle = lifecycles.find((candidate) => candidate.name === lifecycleName)
  if (lifecycle === undefined) throw new Error(`no bench lifecycle named ${lifecycleName}`)
  const instanceId = `REC-${lifecycleName.replaceAll(/[^a-z]+/g, "-")}`
  return {
    flow: lifecycle.definition.name,
    name: "happy path (the flow-kit bench's lifecycle)",
    definition: lifecycle.definition,
    instanceId,
    start,
    steps: lifecycle.steps(instanceId, 0).map((step) => ({
      after: step.after,
      command: (state: unknown) => stamp(step, state, start),
    })),
  }
}

/**
 * The scenario builder of a flow whose paths all begin the same way: `opening(instanceId)` (the
 * application, the steps every path shares), then the path's own steps.
 */
export const pathsAfter =
  (definition: AnyProcessDefinition, start: number, opening: (instanceId: string) => Scenario["steps"]) =>
  (name: string, instanceId: string, steps: Scenario["steps"]): Scenario => ({
    flow: definition.name,
    name,
    definition,
    instanceId,
    start,
    steps: [...opening(instanceId), ...steps],
  })
