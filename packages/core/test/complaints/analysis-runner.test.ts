import {
  Complaints,
  decideApprovalCommand,
  departmentId,
  InMemoryApprovals,
  InMemoryHostCrm,
  InMemoryNotifier,
  inMemoryDirectoryLayer,
  makeInMemoryRunner,
  personId,
} from "@tixi/core"
import { Effect, Layer } from "effect"
import { TestClock } from "effect/testing"
import { describe, expect, it } from "vitest"
import {
  at,
  calendar,
  marchQualityComplaint,
  officer,
  serviceDepartment,
  staffMember,
  supervisor,
} from "./fixtures.ts"

const production = { id: departmentId("production"), name: "生产部", parentId: undefined, headId: undefined }
const people = [
  staffMember("officer-wu", ["officer"]),
  staffMember("supervisor-sun", ["supervisor"]),
  staffMember("manager-qian", ["manager"]),
  { ...staffMember("production-lin", ["supervisor"]), departmentId: production.id },
]

const ports = Layer.mergeAll(
  InMemoryHostCrm.layer({ customers: [] }),
  InMemoryApprovals.layer(),
  InMemoryNotifier.layer(),
  inMemoryDirectoryLayer({ people, departments: [serviceDepartment, production] }),
  TestClock.layer(),
)

describe("客户投诉分析流程 on the in-memory runner and hosts", () => {
  it("opens the approval with the manager, tasks the department's supervisor, and escalates the overdue measure", async () => {
    const outcome = await Effect.runPromise(
      Effect.provide(
        Effect.gen(function* () {
          const runner = makeInMemoryRunner(Complaints.complaintAnalysisProcess({ calendar }))
          const host = yield* InMemoryHostCrm
          const approvals = yield* InMemoryApprovals
          const notifier = yield* InMemoryNotifier
          yield* TestClock.setTime(at("2026-04-01", "10:00"))
          yield* runner.dispatch("CA-2026-03", {
            type: "CompileStatistics",
            analysisId: "CA-2026-03",
            analyst: officer,
            from: "2026-03-01",
            to: "2026-03-31",
            complaints: [marchQualityComplaint],
          } as never)
          yield* runner.dispatch("CA-2026-03", {
            type: "AnalyseCauses",
            analyst: officer,
            mainProblems: "批次缺陷",
          })
          yield* runner.dispatch("CA-2026-03", {
            type: "AssignDepartments",
            supervisor,
            assignments: [{ cause: "quality/serious", departmentId: "production" }],
          } as never)
          yield* runner.dispatch("CA-2026-03", {
            type: "ProposeMeasures",
            proposer: supervisor,
            measures: [
              {
                measureId: "M1",
                cause: "quality/serious",
                departmentId: "production",
                area: "processing",
                action: "首件检验加严",
                workingDays: 1,
              },
            ],
          } as never)
          const submission = approvals.submissions()[0]!
          yield* TestClock.setTime(at("2026-04-13", "09:00"))
          const decided = approvals.decide(approvals.pending()[0]!.id, {
            approver: submission.steps[0]!.approvers[0]!,
            outcome: "approved",
            at: at("2026-04-13", "09:00"),
          })
          const { at: _at, ...command } = decideApprovalCommand(decided!)
          yield* runner.dispatch("CA-2026-03", command)
          // Nobody reports the measure: due Monday 18:00, the manager is told two working days later.
          yield* runner.advanceTo(at("2026-04-15", "18:00"), TestClock.setTime)
          return {
            submission,
            tasks: host.tasks(),
            notices: notifier.delivered(),
            instance: runner.instance("CA-2026-03")!,
            statistics: runner.statistics(),
          }
        }),
        ports,
      ),
    )
    expect(outcome.submission.steps).toEqual([{ mode: "any", approvers: ["manager-qian"] }])
    expect(outcome.submission.formId).toBe("complaint.summary")
    expect(outcome.tasks.find((task) => task.externalKey === "CA-2026-03/measure/M1")?.assigneeId).toBe(
      personId("production-lin"),
    )
    expect(outcome.notices.map((notice) => [notice.title["zh-CN"], notice.recipients])).toEqual([
      // A rung names a post, not a department: every active supervisor is told at the first.
      ["改进措施逾期未完成", ["production-lin", "supervisor-sun"]],
      ["改进措施逾期未完成", ["manager-qian"]],
    ])
    expect(outcome.statistics.deadLetters).toBe(0)
    expect(outcome.instance.status).toBe("following")
  })
})
