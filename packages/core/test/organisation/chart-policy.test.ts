import {
  Approval,
  Complaints,
  Credit,
  InMemoryApprovals,
  InMemoryHostCrm,
  InMemoryNotifier,
  inMemoryDirectoryLayer,
  makeInMemoryRunner,
  Organisation,
  personId,
} from "@tixi/core"
import { Effect, Layer } from "effect"
import { TestClock } from "effect/testing"
import { describe, expect, it } from "vitest"
import {
  at,
  calendar,
  cny,
  registration,
  seriousDefectFound,
  serviceDepartment,
  staffMember,
} from "../complaints/fixtures.ts"

/** A company on the 中小型企业 chart whose complaint officers settle remedies up to ¥3,000 on the spot. */
const acme = Organisation.organisationOf({
  ...Organisation.smallEnterpriseOrganisation,
  version: "acme-1",
  authority: { complaintOfficer: { "complaint.remedy": 3_000_00 } },
})

/** The officer acting in the post the handbook gives her (客户投诉专员). */
const officer = { personId: personId("officer-wu"), role: "officer", post: "complaintOfficer" } as const

const ports = Layer.mergeAll(
  InMemoryHostCrm.layer({
    customers: [{ externalKey: "cust-0001", kind: "organization", name: "上海恒通贸易有限公司", fields: {} }],
  }),
  InMemoryApprovals.layer(),
  InMemoryNotifier.layer(),
  inMemoryDirectoryLayer({
    people: [staffMember("officer-wu", ["officer"]), staffMember("supervisor-sun", ["supervisor"])],
    departments: [serviceDepartment],
  }),
  TestClock.layer(),
)

/** A complaint up to ⑤ 权责内? with a ¥1,000 refund proposed, under `policy`: what the approvals host and the host case saw. */
const proposeUnder = (policy: Complaints.ComplaintPolicy) =>
  Effect.runPromise(
    Effect.provide(
      Effect.gen(function* () {
        const runner = makeInMemoryRunner(Complaints.complaintProcess({ calendar, policy }))
        const approvals = yield* InMemoryApprovals
        const host = yield* InMemoryHostCrm
        yield* TestClock.setTime(at("2026-01-05", "09:00"))
        const id = "ACME-1"
        yield* runner.dispatch(id, {
          type: "Register",
          complaintId: id,
          actor: officer,
          registration: registration(),
        })
        yield* runner.dispatch(id, { type: "Accept", actor: officer })
        yield* runner.dispatch(id, {
          type: "Classify",
          actor: officer,
          category: "quality",
          departmentId: "quality",
        })
        yield* runner.dispatch(id, seriousDefectFound(officer))
        yield* runner.dispatch(id, {
          type: "ProposeRemedy",
          actor: officer,
          remedies: [{ kind: "refund", amount: cny("1000") }],
        })
        const state = runner.instance(id)!.state as Complaints.ComplaintState
        return {
          submissions: approvals.submissions().length,
          stage: state.stage,
          policyVersion: state.policyVersion,
          hostPolicyVersion: host.cases()[0]!.fields.complaint_policy_version,
        }
      }),
      ports,
    ),
  )

describe("withChartAuthority: the hosted flow decides by the company's chart", () => {
  it("⑤ 权责内? a ¥1,000 refund goes to the supervisor's approval under the preset, and the officer settles it herself once the company's chart raises her limit", async () => {
    const preset = await proposeUnder(Complaints.defaultComplaintPolicy)
    expect(preset.submissions).toBe(1)
    expect(preset.stage).toBe("awaitingApproval")

    const company = await proposeUnder(
      Organisation.withChartAuthority(acme, Complaints.defaultComplaintPolicy),
    )
    expect(company.submissions).toBe(0)
    expect(company.stage).toBe("negotiating")
    // The instance names the chart it decided under.
    expect(company.policyVersion).toBe(`${Complaints.defaultComplaintPolicy.version}+acme-1`)
    expect(company.hostPolicyVersion).toBe(company.policyVersion)
    expect(preset.policyVersion).toBe(Complaints.defaultComplaintPolicy.version)
  })

  it("a merged post decides what the post holding it may: 客户信用专员 merged into 客户信用主管 gets the supervisor's credit row in the credit and approval policies", () => {
    const merged = Organisation.organisationOf({
      ...Organisation.largeEnterpriseOrganisation,
      version: "acme-2",
      merges: { creditOfficer: "creditSupervisor" },
    })
    for (const policy of [Credit.defaultCreditPolicy, Approval.defaultApprovalPolicy]) {
      const charted = Organisation.withChartAuthority(merged, policy)
      expect(charted.version).toBe(`${policy.version}+acme-2`)
      expect(charted.authority.posts?.creditOfficer).toEqual(charted.authority.posts?.creditSupervisor)
      expect(charted.authority.posts?.creditOfficer?.["credit.limit"]).toBe(
        policy.authority.posts?.creditSupervisor?.["credit.limit"],
      )
      // The preset's 客户信用专员 decides nothing alone.
      expect(policy.authority.posts?.creditOfficer).toEqual({})
    }
  })
})
