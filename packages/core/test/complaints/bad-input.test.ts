import { type Complaints, handle, type ValidationError } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { at, definition, manager, officer, registration } from "./fixtures.ts"

type Command = Complaints.ComplaintCommand

/** Decides one command on a fresh complaint; the refusal it must give, as a `ValidationError`. */
function validationErrorOf(command: Record<string, unknown>): ValidationError {
  const decided = handle(definition, definition.initialState, command as unknown as Command)
  if (Result.isSuccess(decided)) throw new Error("expected a refusal")
  const failure = decided.failure as ValidationError
  expect(failure._tag).toBe("ValidationError")
  return failure
}

const register = (overrides: Record<string, unknown>, form: Record<string, unknown> = {}) => ({
  type: "Register",
  at: at("2026-01-05", "09:00"),
  complaintId: "TS-BAD-1",
  actor: manager,
  registration: registration(form),
  ...overrides,
})

describe("complaint commands with bad input get a typed refusal naming the field", () => {
  it.each([
    ["beyond JavaScript's date range", 9e15],
    ["before JavaScript's date range", -9e15],
    ["in year 9999", 253_402_300_799_999],
  ])("an instant %s is refused at `at`, not thrown", (_, instant) => {
    const failure = validationErrorOf(register({ at: instant }))
    expect(failure.issues.map((issue) => issue.path)).toEqual([["at"]])
  })

  it("a complaint received in 2000 is refused by the policy's complaint window instead of breaching at once", () => {
    const failure = validationErrorOf(
      register({}, { purchaseDate: undefined, receivedAt: at("2000-01-03", "09:00") }),
    )
    expect(failure.issues[0]?.path).toEqual(["registration", "receivedAt"])
    expect(failure.issues[0]?.message).toContain("365 days")
  })

  it("a complaint received within the window is still registered", () => {
    const decided = handle(
      definition,
      definition.initialState,
      register({}, { receivedAt: at("2025-12-29", "09:00") }) as unknown as Command,
    )
    expect(Result.isSuccess(decided)).toBe(true)
  })

  it("a promised date before the registration date is refused at registration.promisedDate", () => {
    const failure = validationErrorOf(register({}, { acceptance: "accepted", promisedDate: "2026-01-04" }))
    expect(failure.subject).toBe("complaint.Register")
    expect(failure.issues[0]?.path).toEqual(["registration", "promisedDate"])
  })

  it.each(["9999-12-31", "0001-01-01", "1799-12-31", "2200-01-01"])(
    "a promised date in %s is refused, not thrown",
    (promisedDate) => {
      const failure = validationErrorOf(register({}, { acceptance: "accepted", promisedDate }))
      expect(failure.issues[0]?.path).toEqual(["promisedDate"])
    },
  )

  it.each([
    ["NUL", "上海\u0000恒通"],
    ["a bidi override", "上海\u202E恒通"],
    ["a lone surrogate", "上海\uD800恒通"],
    ["a bell", "上海\u0007恒通"],
  ])("a customer name with %s is refused at registration.customerName", (_, customerName) => {
    const failure = validationErrorOf(register({ actor: officer }, { customerName }))
    expect(failure.issues.map((issue) => issue.path)).toEqual([["customerName"]])
    expect(failure.issues[0]?.message).toMatch(/U\+[0-9A-F]{4}/)
  })

  it("a command's free text with a control character is refused at its field", () => {
    const failure = validationErrorOf({
      type: "Reject",
      at: at("2026-01-05", "10:00"),
      actor: manager,
      reason: "duplicate",
      explanation: "重复\u0000",
    })
    expect(failure.issues.map((issue) => issue.path)).toEqual([["explanation"]])
  })
})
