import {
  type ApprovalId,
  type ApprovalSubmission,
  Approvals,
  approvalId,
  label,
  type PersonId,
  personId,
} from "@tixi/core"
import { Effect, type Layer } from "effect"
import { describe, expect } from "vitest"
import { conformanceCase, failureOf, type SuiteOptions } from "./suite.ts"

/** What an approvals implementation gives the suite. */
export interface ApprovalsHarness<Extra = never> {
  /** A fresh approvals host per case; approvers are the people of `sampleCompany`. */
  readonly layer: () => Layer.Layer<Approvals | Extra, unknown>
  /**
   * Acting as an approver on the host (a DingTalk or WeCom user tapping 同意/拒绝). Without it
   * the decision cases are skipped.
   */
  readonly decide?: (
    id: ApprovalId,
    approver: PersonId,
    outcome: "approved" | "rejected",
  ) => Effect.Effect<void, unknown, Approvals | Extra>
}

/** The cases of the Approvals conformance suite. */
export type ApprovalsCase =
  | "submit opens a pending approval once per key"
  | "submit rejects a chain without approvers"
  | "get of an unknown approval fails NotFound"
  | "withdraw is repeatable and final"
  | "findByKey finds what submit opened"
  | "any-one step (或签) is decided by one approval"
  | "all step (会签) needs every approver"
  | "a rejection rejects the whole approval"

const submission = (key: string, steps: ApprovalSubmission["steps"]): ApprovalSubmission => ({
  key,
  requestType: "complaint.remedy",
  businessKey: "TS-20260105-0001",
  title: label("投诉补偿审批", "Complaint remedy approval"),
  originator: personId("officer-wu"),
  formId: "complaint.remedyApproval",
  values: { complaintNumber: "TS-20260105-0001", amount: { minor: 300000, currency: "CNY" } },
  steps,
})

const supervisor = personId("supervisor-sun")
const manager = personId("manager-qian")
const finance = personId("finance-zhou")

/** The Approvals conformance suite: the in-memory host and the DingTalk and WeCom adapters run it. */
export function approvalsSuite<Extra = never>(
  name: string,
  harness: ApprovalsHarness<Extra>,
  options: SuiteOptions<ApprovalsCase> = {},
): void {
  const decisionCases: ReadonlyArray<ApprovalsCase> = [
    "any-one step (或签) is decided by one approval",
    "all step (会签) needs every approver",
    "a rejection rejects the whole approval",
  ]
  const noDecide = harness.decide
    ? {}
    : Object.fromEntries(decisionCases.map((caseName) => [caseName, "the harness cannot act as an approver"]))
  const settings: SuiteOptions<ApprovalsCase> = { ...options, skip: { ...noDecide, ...options.skip } }
  const test = (caseName: ApprovalsCase, program: () => Effect.Effect<void, unknown, Approvals | Extra>) =>
    conformanceCase(caseName, settings, harness.layer, program)

  describe(`Approvals conformance: ${name}`, () => {
    test("submit opens a pending approval once per key", () =>
      Effect.gen(function* () {
        const approvals = yield* Approvals
        const first = yield* approvals.submit(submission("k-1", [{ mode: "any", approvers: [supervisor] }]))
        expect(first.state).toBe("pending")
        expect(first.businessKey).toBe("TS-20260105-0001")
        const again = yield* approvals.submit(submission("k-1", [{ mode: "any", approvers: [supervisor] }]))
        expect(again.id).toBe(first.id)
      }))

    test("submit rejects a chain without approvers", () =>
      Effect.gen(function* () {
        const approvals = yield* Approvals
        const failure = yield* failureOf(
          approvals.submit(submission("k-2", [{ mode: "all", approvers: [] }])),
        )
        expect(failure.reason._tag).toBe("InvalidRequest")
        expect(failure.isRetryable).toBe(false)
      }))

    test("get of an unknown approval fails NotFound", () =>
      Effect.gen(function* () {
        const approvals = yield* Approvals
        const failure = yield* failureOf(approvals.get(approvalId("no-such-approval")))
        expect(failure.reason._tag).toBe("NotFound")
      }))

    test("withdraw is repeatable and final", () =>
      Effect.gen(function* () {
        const approvals = yield* Approvals
        const opened = yield* approvals.submit(submission("k-3", [{ mode: "any", approvers: [supervisor] }]))
        const withdrawn = yield* approvals.withdraw(opened.id, "客户撤回投诉")
        expect(withdrawn.state).toBe("withdrawn")
        const again = yield* approvals.withdraw(opened.id, "客户撤回投诉")
        expect(again.state).toBe("withdrawn")
        expect((yield* approvals.get(opened.id)).state).toBe("withdrawn")
      }))

    test("findByKey finds what submit opened", () =>
      Effect.gen(function* () {
        const approvals = yield* Approvals
        expect(yield* approvals.findByKey("k-none")).toBeUndefined()
        const opened = yield* approvals.submit(submission("k-4", [{ mode: "any", approvers: [supervisor] }]))
        expect((yield* approvals.findByKey("k-4"))?.id).toBe(opened.id)
      }))

    test("any-one step (或签) is decided by one approval", () =>
      Effect.gen(function* () {
        const approvals = yield* Approvals
        const opened = yield* approvals.submit(
          submission("k-5", [{ mode: "any", approvers: [supervisor, manager] }]),
        )
        yield* harness.decide!(opened.id, manager, "approved")
        const record = yield* approvals.get(opened.id)
        expect(record.state).toBe("approved")
      }))

    test("all step (会签) needs every approver", () =>
      Effect.gen(function* () {
        const approvals = yield* Approvals
        const opened = yield* approvals.submit(
          submission("k-6", [
            { mode: "all", approvers: [manager, finance] },
            { mode: "any", approvers: [supervisor] },
          ]),
        )
        yield* harness.decide!(opened.id, manager, "approved")
        expect((yield* approvals.get(opened.id)).state).toBe("pending")
        yield* harness.decide!(opened.id, finance, "approved")
        expect((yield* approvals.get(opened.id)).state).toBe("pending")
        yield* harness.decide!(opened.id, supervisor, "approved")
        const record = yield* approvals.get(opened.id)
        expect(record.state).toBe("approved")
        expect(record.decisions.map((decision) => decision.approver)).toEqual([manager, finance, supervisor])
      }))

    test("a rejection rejects the whole approval", () =>
      Effect.gen(function* () {
        const approvals = yield* Approvals
        const opened = yield* approvals.submit(
          submission("k-7", [{ mode: "all", approvers: [manager, finance] }]),
        )
        yield* harness.decide!(opened.id, finance, "rejected")
        expect((yield* approvals.get(opened.id)).state).toBe("rejected")
      }))
  })
}
