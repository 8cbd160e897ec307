import {
  Complaints,
  InMemoryApprovals,
  InMemoryHostCrm,
  InMemoryNotifier,
  inMemoryDirectoryLayer,
  makeInMemoryRunner,
  personId,
} from "@tixi/core"
import { Effect, Layer, Result } from "effect"
import { TestClock } from "effect/testing"
import { describe, expect, it } from "vitest"
import {
  type ComplaintScript,
  nextStaffCommand,
  sampleCompany,
  scriptedComplaintProcess,
  scriptedCustomer,
  scriptedRegistration,
} from "../src/index.ts"

const ports = Layer.mergeAll(
  InMemoryHostCrm.layer({ customers: [scriptedCustomer] }),
  InMemoryApprovals.layer(),
  InMemoryNotifier.layer(),
  inMemoryDirectoryLayer(sampleCompany),
  TestClock.layer(),
)

/** Drives one scripted complaint to its end on the core's in-memory runner; returns its event types. */
const drive = (script: ComplaintScript) =>
  Effect.gen(function* () {
    const runner = makeInMemoryRunner(scriptedComplaintProcess())
    const approvals = yield* InMemoryApprovals
    const start = Date.UTC(2026, 2, 2, 1)
    yield* TestClock.setTime(start)
    const registered = yield* runner.dispatch("C-1", scriptedRegistration("C-1", script, start))
    expect(Result.isSuccess(registered)).toBe(true)
    for (let step = 0; step < 20; step++) {
      const state = runner.instance("C-1")!.state
      if (runner.instance("C-1")!.finished) break
      const command = nextStaffCommand(state, script)
      if (command !== undefined) {
        expect(Result.isSuccess(yield* runner.dispatch("C-1", command))).toBe(true)
      } else if (state.stage === "awaitingApproval") {
        const pending = approvals.pending()[0]!
        const outcome = approvals.decide(pending.id, {
          approver: personId("manager-qian"),
          outcome: "approved",
          at: start,
        })!
        const decided = Complaints.remedyApprovalCommand(outcome)!
        const { at: _at, ...unstamped } = decided
        expect(Result.isSuccess(yield* runner.dispatch("C-1", unstamped))).toBe(true)
      } else {
        // Waiting on the first-response deadline: let the clock run past it.
        yield* runner.advanceTo(start + 3 * 60_000, TestClock.setTime)
      }
    }
    expect(runner.instance("C-1")!.finished).toBe(true)
    expect(runner.deadLetters()).toEqual([])
    return runner.instance("C-1")!.events.map((event) => event.type)
  }).pipe(Effect.provide(ports))

describe("scripted complaints", () => {
  it("goes through the manager's approval and closes (approval script)", async () => {
    const types = await Effect.runPromise(drive("approval"))
    expect(types).toContain("RemedyApprovalDecided")
    expect(types.at(-1)).toBe("ComplaintClosed")
  })

  it("waits for its first-response warning and breach, then is handled (timers script)", async () => {
    const types = await Effect.runPromise(drive("timers"))
    const breachedAt = types.indexOf("DeadlineBreached")
    expect(types.indexOf("DeadlineWarned")).toBeGreaterThan(0)
    expect(breachedAt).toBeGreaterThan(types.indexOf("DeadlineWarned"))
    expect(types.indexOf("ComplaintAccepted")).toBeGreaterThan(breachedAt)
    expect(types.at(-1)).toBe("ComplaintClosed")
  })
})
