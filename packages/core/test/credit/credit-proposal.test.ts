import { Credit } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { fiveCPolicy, wholesaler, yuan } from "./fixtures.ts"

const { customerId, name: _name, ...findings } = wholesaler

describe("proposeCredit (004 ch.2 ⑤ 分析)", () => {
  it("proposes the grade's limit, or what the customer asked for when that is less", () => {
    const unasked = Result.getOrThrow(Credit.proposeCredit(fiveCPolicy, customerId, undefined, findings))
    expect(unasked.proposal).toMatchObject({ grade: "B", limit: yuan("200000") })
    const asked = Result.getOrThrow(Credit.proposeCredit(fiveCPolicy, customerId, yuan("150000"), findings))
    expect(asked.proposal.limit).toEqual(yuan("150000"))
    const above = Result.getOrThrow(Credit.proposeCredit(fiveCPolicy, customerId, yuan("900000"), findings))
    expect(above.proposal.limit).toEqual(yuan("200000"))
    expect(asked.sound).toBe(true)
  })

  it("finds credit unsound with a danger signal, and names it", () => {
    const bounced = { ...findings, bouncedPayments: 5, bankruptcySigns: ["managementMissing" as const] }
    const analysis = Result.getOrThrow(Credit.proposeCredit(fiveCPolicy, customerId, undefined, bounced))
    expect(analysis.sound).toBe(false)
    expect(analysis.danger.length).toBeGreaterThan(0)
  })

  it("describes approved terms in words for the notice task", () => {
    const { proposal } = Result.getOrThrow(Credit.proposeCredit(fiveCPolicy, customerId, undefined, findings))
    expect(Credit.creditTermsText(proposal)).toBe(
      `Grade B, limit 200000.00 CNY, 30 days, ${proposal.paymentMethod}${proposal.guaranteeRequired ? ", guarantee required" : ""}.`,
    )
  })
})
