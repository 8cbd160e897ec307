import {
  departmentId,
  InMemoryApprovals,
  InMemoryHostCrm,
  InMemoryNotifier,
  InvalidTransition,
  inMemoryDirectoryLayer,
  makeInMemoryRunner,
  type Person,
  type ProcessDefinition,
  personId,
  Unavailable,
} from "@tixi/core"
import { Effect, Layer, Result } from "effect"
import { TestClock } from "effect/testing"
import { describe, expect, it } from "vitest"
import { toyProcess } from "./toy-process.ts"

const supervisor: Person = {
  id: personId("p-sup"),
  name: "主管甲",
  roles: ["supervisor"],
  posts: [],
  departmentId: departmentId("service"),
  managerId: undefined,
  locale: "zh-CN",
  active: true,
  accounts: {},
}

const ports = (people: ReadonlyArray<Person> = [supervisor]) =>
  Layer.mergeAll(
    InMemoryHostCrm.layer(),
    InMemoryApprovals.layer(),
    InMemoryNotifier.layer(),
    inMemoryDirectoryLayer({
      people,
      departments: [{ id: departmentId("service"), name: "客服部", parentId: undefined, headId: undefined }],
    }),
    TestClock.layer(),
  )

type Provided = Layer.Success<ReturnType<typeof ports>>

const run = <A, E>(program: Effect.Effect<A, E, Provided>, people?: ReadonlyArray<Person>) =>
  Effect.runPromise(Effect.provide(program, ports(people)))

describe("in-memory runner", () => {
  it("stamps commands with the clock, keeps the log and fires a deadline at its own instant", async () => {
    const outcome = await run(
      Effect.gen(function* () {
        const runner = makeInMemoryRunner(toyProcess)
        yield* TestClock.setTime(5_000)
        yield* runner.dispatch("T-1", { type: "Open", id: "T-1" })
        expect(runner.nextDeadlineAt()).toBe(6_000)
        const fired = yield* runner.advanceTo(20_000, TestClock.setTime)
        return { fired, instance: runner.instance("T-1"), statistics: runner.statistics() }
      }),
    )
    expect(outcome.fired).toBe(1)
    expect(outcome.instance?.events).toEqual([
      { type: "Opened", at: 5_000, id: "T-1" },
      { type: "Expired", at: 6_000 },
    ])
    expect(outcome.instance?.finished).toBe(true)
    expect(outcome.statistics.deadlinesFired).toBe(1)
  })

  it("cancels a deadline the state no longer lists", async () => {
    const outcome = await run(
      Effect.gen(function* () {
        const runner = makeInMemoryRunner(toyProcess)
        yield* runner.dispatch("T-2", { type: "Open", id: "T-2" })
        yield* TestClock.setTime(500)
        yield* runner.dispatch("T-2", { type: "Close" })
        const fired = yield* runner.advanceTo(10_000, TestClock.setTime)
        return { fired, instance: runner.instance("T-2"), pending: runner.pendingDeadlines() }
      }),
    )
    expect(outcome.fired).toBe(0)
    expect(outcome.pending).toEqual([])
    expect(outcome.instance?.state.status).toBe("closed")
  })

  it("returns the typed refusal, keeps the state and creates no instance for a refused first command", async () => {
    const outcome = await run(
      Effect.gen(function* () {
        const runner = makeInMemoryRunner(toyProcess)
        const refused = yield* runner.dispatch("T-3", { type: "Close" })
        return { refused, instance: runner.instance("T-3"), statistics: runner.statistics() }
      }),
    )
    expect(Result.isFailure(outcome.refused)).toBe(true)
    if (Result.isFailure(outcome.refused)) expect(outcome.refused.failure).toBeInstanceOf(InvalidTransition)
    expect(outcome.instance).toBeUndefined()
    expect(outcome.statistics.refusals).toBe(1)
  })

  it("performs each effect once, retrying a host outage", async () => {
    const outcome = await run(
      Effect.gen(function* () {
        const host = yield* InMemoryHostCrm
        host.failNext("upsertCase", new Unavailable(), 2)
        const runner = makeInMemoryRunner(toyProcess, { maxAttempts: 3 })
        yield* runner.dispatch("T-4", { type: "Open", id: "T-4" })
        return {
          statistics: runner.statistics(),
          creations: host.creations("T-4"),
          dead: runner.deadLetters(),
        }
      }),
    )
    expect(outcome.creations).toBe(1)
    expect(outcome.statistics.effectRetries).toBe(2)
    expect(outcome.statistics.effectsPerformed).toEqual({ "host.case.upsert": 1, notify: 1 })
    expect(outcome.dead).toEqual([])
  })

  it("keeps an effect that cannot succeed as a visible dead letter and goes on", async () => {
    const outcome = await run(
      Effect.gen(function* () {
        const host = yield* InMemoryHostCrm
        host.failNext("upsertCase", new Unavailable(), 5)
        const runner = makeInMemoryRunner(toyProcess, { maxAttempts: 2 })
        yield* runner.dispatch("T-5", { type: "Open", id: "T-5" })
        return { statistics: runner.statistics(), dead: runner.deadLetters() }
      }),
      [], // nobody holds the supervisor role: the notification cannot be delivered either
    )
    expect(
      outcome.dead.map((letter) => [letter.request.kind, letter.attempts, letter.error.reason._tag]),
    ).toEqual([
      ["host.case.upsert", 2, "Unavailable"],
      ["notify", 1, "InvalidRequest"],
    ])
    expect(outcome.statistics.deadLetters).toBe(2)
    expect(outcome.statistics.events).toBe(1)
  })

  it("moves a deadline whose instant changes under the same key, and counts stale firings", async () => {
    // A reminder that a "Snooze" pushes back; firing it when snoozed past is refused (stale).
    type State = { readonly dueAt: number; readonly reminded: number }
    type Command =
      | { readonly type: "Start"; readonly at: number }
      | { readonly type: "Snooze"; readonly at: number; readonly until: number }
      | { readonly type: "Remind"; readonly at: number }
    type Event = Command
    const definition: ProcessDefinition<State, Command, Event, InvalidTransition> = {
      name: "snooze",
      version: 1,
      initialState: { dueAt: -1, reminded: 0 },
      decide: (state, command) =>
        command.type === "Remind" && command.at < state.dueAt
          ? Result.fail(
              new InvalidTransition({
                process: "snooze",
                instanceId: "S",
                state: "x",
                command: "Remind",
                reason: "early",
              }),
            )
          : Result.succeed([command]),
      evolve: (state, event) =>
        event.type === "Start"
          ? { ...state, dueAt: event.at + 100 }
          : event.type === "Snooze"
            ? { ...state, dueAt: event.until }
            : { ...state, reminded: state.reminded + 1, dueAt: -1 },
      deadlines: (state) =>
        state.dueAt < 0 ? [] : [{ key: "remind", dueAt: state.dueAt, command: { type: "Remind" } }],
      effects: () => [],
      isFinished: (state) => state.reminded > 0,
      statusOf: (state) => String(state.reminded),
    }
    const outcome = await run(
      Effect.gen(function* () {
        const runner = makeInMemoryRunner(definition)
        yield* runner.dispatch("S", { type: "Start" })
        yield* TestClock.setTime(50)
        yield* runner.dispatch("S", { type: "Snooze", until: 300 })
        expect(runner.pendingDeadlines()).toEqual([{ instanceId: "S", key: "remind", dueAt: 300 }])
        yield* runner.advanceTo(1_000, TestClock.setTime)
        return { events: runner.instance("S")?.events, statistics: runner.statistics() }
      }),
    )
    expect(outcome.events?.map((event) => [event.type, event.at])).toEqual([
      ["Start", 0],
      ["Snooze", 50],
      ["Remind", 300],
    ])
    expect(outcome.statistics.deadlinesFired).toBe(1)
    expect(outcome.statistics.staleDeadlines).toBe(0)
  })
})
