import {
  Complaints,
  InMemoryApprovals,
  InMemoryHostCrm,
  InMemoryNotifier,
  inMemoryDirectoryLayer,
  makeInMemoryRunner,
} from "@tixi/core"
import { Effect, Layer, Result } from "effect"
import { TestClock } from "effect/testing"
import { describe, expect, it } from "vitest"
import {
  at,
  cny,
  definition,
  officer,
  registration,
  seriousDefectFound,
  serviceDepartment,
  staffMember,
} from "./fixtures.ts"

const people = [
  staffMember("officer-wu", ["officer"]),
  staffMember("officer-zheng", ["officer"]),
  staffMember("supervisor-sun", ["supervisor"]),
  staffMember("manager-qian", ["manager"]),
  staffMember("director-li", ["director"]),
]

const ports = Layer.mergeAll(
  InMemoryHostCrm.layer({
    customers: [{ externalKey: "cust-0001", kind: "organization", name: "上海恒通贸易有限公司", fields: {} }],
  }),
  InMemoryApprovals.layer(),
  InMemoryNotifier.layer(),
  inMemoryDirectoryLayer({ people, departments: [serviceDepartment] }),
  TestClock.layer(),
)

describe("a complaint on the in-memory runner and hosts", () => {
  it("keeps the host case, the tasks, the approval and the escalation notices in step with the process", async () => {
    const outcome = await Effect.runPromise(
      Effect.provide(
        Effect.gen(function* () {
          const runner = makeInMemoryRunner(definition)
          const host = yield* InMemoryHostCrm
          const approvals = yield* InMemoryApprovals
          const notifier = yield* InMemoryNotifier
          yield* TestClock.setTime(at("2026-01-05", "09:00"))
          yield* runner.dispatch("TS-1", {
            type: "Register",
            complaintId: "TS-1",
            actor: officer,
            registration: registration({ urgency: "critical" }),
          })
          // Nobody answers: the 特急 first response (2 working hours) passes and climbs the ladder.
          yield* runner.advanceTo(at("2026-01-05", "16:00"), TestClock.setTime)
          const escalatedCase = host.cases()[0]!
          const escalationNotices = notifier.delivered().filter((notice) => notice.severity === "urgent")
          yield* runner.dispatch("TS-1", { type: "Accept", actor: officer })
          yield* runner.dispatch("TS-1", {
            type: "Classify",
            actor: officer,
            category: "quality",
            departmentId: "quality",
          })
          yield* runner.dispatch("TS-1", seriousDefectFound(officer))
          yield* runner.dispatch("TS-1", {
            type: "ProposeRemedy",
            actor: officer,
            remedies: [{ kind: "refund", amount: cny("6000") }],
          })
          const [pending] = approvals.pending()
          const submission = approvals.submissions()[0]!
          // The manager decides in the approvals host; the outcome comes back as a command.
          const decided = approvals.decide(pending!.id, {
            approver: submission.steps[0]!.approvers[0]!,
            outcome: "approved",
            at: at("2026-01-05", "17:00"),
          })
          const { at: _at, ...command } = Complaints.remedyApprovalCommand(decided!)!
          const fed = yield* runner.dispatch("TS-1", command)
          return {
            escalatedCase,
            escalationNotices,
            submission,
            fed,
            finalCase: host.cases()[0]!,
            tasks: host.tasks(),
            instance: runner.instance("TS-1")!,
            statistics: runner.statistics(),
          }
        }),
        ports,
      ),
    )
    expect(outcome.escalatedCase.fields).toMatchObject({
      complaint_urgency: "critical",
      complaint_first_response_breached: true,
      complaint_escalation_level: 2,
    })
    expect(outcome.escalatedCase.priority).toBe("urgent")
    // The supervisor and the manager were told, each at their rung, with the officer in copy.
    expect(outcome.escalationNotices.map((notice) => notice.recipients)).toEqual([
      ["officer-wu"],
      ["supervisor-sun", "officer-wu"],
      ["manager-qian", "officer-wu"],
    ])
    expect(outcome.submission.steps).toEqual([{ mode: "any", approvers: ["manager-qian"] }])
    expect(outcome.submission.originator).toBe("officer-wu")
    expect(Result.isSuccess(outcome.fed)).toBe(true)
    expect(outcome.finalCase.stage).toBe("negotiating")
    expect(outcome.finalCase.fields.complaint_approval_status).toBe("approved")
    expect(outcome.finalCase.fields.complaint_remedy_amount).toBe(6000)
    expect(outcome.tasks.map((task) => [task.externalKey, task.assigneeId])).toEqual([
      ["TS-1:handling:0:officer-wu", "officer-wu"],
    ])
    expect(outcome.statistics.deadLetters).toBe(0)
    expect(outcome.instance.status).toBe("negotiating")
  })
})
