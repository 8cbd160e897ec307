import { Effect, Exit, Redacted } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { hmacHeaders, hmacSource, signHmac } from "../../src/intake/hmac-source.ts"
import { IntakeRejected } from "../../src/intake/intake-source.ts"

// Issue 12, fuzzing: whatever reaches an HMAC source — arbitrary bytes, arbitrary headers, or
// correctly signed but structurally odd bodies — ends in whole events or a typed IntakeRejected,
// never a crash and never part of a body's events. Each property runs `runs` cases.
const runs = 400
const secret = "fuzz-shared-secret"
const at = 1_767_600_000_000
const source = hmacSource({ name: "fuzz", path: "/hooks/fuzz", secret: Redacted.make(secret) })

const verify = (body: Uint8Array, headers: Record<string, string | undefined>, receivedAt = at) =>
  Effect.runSyncExit(
    source.verify({
      method: "POST",
      url: new URL("http://intake.local/hooks/fuzz"),
      headers,
      body,
      receivedAt,
    }),
  )

/** The rejection of a failed verification; a defect (a crash) fails the test here. */
const rejectionOf = (exit: ReturnType<typeof verify>): IntakeRejected => {
  expect(Exit.isFailure(exit)).toBe(true)
  if (!Exit.isFailure(exit)) throw new Error("verification succeeded")
  const failure = exit.cause.reasons.find((reason) => reason._tag === "Fail")
  expect(failure?._tag).toBe("Fail")
  if (failure?._tag !== "Fail") throw new Error("verification crashed")
  expect(failure.error).toBeInstanceOf(IntakeRejected)
  return failure.error
}

const signed = (body: Uint8Array, timestamp = at) => ({
  [hmacHeaders.timestamp]: String(timestamp),
  [hmacHeaders.signature]: signHmac(secret, timestamp, body),
})

/** An event as a sender might write it, each field possibly missing or of the wrong type. */
const nonsenseEvent = fc.oneof(
  fc.record(
    {
      id: fc.oneof(fc.string({ maxLength: 210 }), fc.integer(), fc.constant(null)),
      type: fc.oneof(fc.string({ maxLength: 20 }), fc.boolean()),
      payload: fc.jsonValue({ maxDepth: 2 }),
    },
    { requiredKeys: [] },
  ),
  fc.jsonValue({ maxDepth: 1 }),
)
const isWholeEvent = (item: unknown) => {
  const event = item as { id?: unknown; type?: unknown } | null
  return (
    typeof event === "object" &&
    event !== null &&
    typeof event.id === "string" &&
    event.id.length > 0 &&
    event.id.length <= 200 &&
    typeof event.type === "string" &&
    event.type.length > 0
  )
}

describe("hmacSource under fuzzing", () => {
  it("refuses arbitrary bytes with arbitrary headers as forged or malformed, never crashing", () => {
    const headerValue = fc.option(fc.string({ maxLength: 80 }), { nil: undefined })
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 2_000 }),
        headerValue,
        headerValue,
        (body, timestamp, signature) => {
          const rejected = rejectionOf(
            verify(body, { [hmacHeaders.timestamp]: timestamp, [hmacHeaders.signature]: signature }),
          )
          expect(["forged", "malformed"]).toContain(rejected.reason)
        },
      ),
      { numRuns: runs },
    )
  })

  it("takes a signed body whole or refuses it as malformed: never some of its events", () => {
    const body = fc.oneof(
      fc.array(nonsenseEvent, { maxLength: 12 }).map((events) => ({ events })),
      nonsenseEvent,
      fc.jsonValue({ maxDepth: 2 }),
    )
    fc.assert(
      fc.property(body, (value) => {
        const bytes = new TextEncoder().encode(JSON.stringify(value))
        const exit = verify(bytes, signed(bytes))
        const list =
          typeof value === "object" && value !== null && "events" in value
            ? (value as { events: unknown }).events
            : [value]
        const whole = Array.isArray(list) && list.length > 0 && list.every(isWholeEvent)
        if (!whole) {
          expect(rejectionOf(exit).reason).toBe("malformed")
          return
        }
        expect(Exit.isSuccess(exit)).toBe(true)
        if (!Exit.isSuccess(exit)) return
        expect(exit.value.events.map((event) => [event.id, event.type])).toEqual(
          (list as Array<{ id: string; type: string }>).map((event) => [event.id, event.type]),
        )
      }),
      { numRuns: runs },
    )
  })

  it("refuses signed bytes that are not UTF-8 JSON as malformed, and a signed body out of time as replayed", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 2_000 }),
        fc.integer({ min: 5 * 60_000 + 1, max: 365 * 86_400_000 }),
        fc.boolean(),
        (bytes, skew, early) => {
          const fresh = verify(bytes, signed(bytes))
          if (Exit.isFailure(fresh)) expect(rejectionOf(fresh).reason).toBe("malformed")
          const timestamp = early ? at + skew : at - skew
          expect(rejectionOf(verify(bytes, signed(bytes, timestamp))).reason).toBe("replayed")
        },
      ),
      { numRuns: runs },
    )
  })

  it("refuses as malformed a signed payload nested deeper than the intake can store as JSON", () => {
    // Under the intake's 1 MiB limit, but deeper than JSON.stringify's stack allows.
    const deep = `${"[".repeat(200_000)}${"]".repeat(200_000)}`
    const bytes = new TextEncoder().encode(`{"id":"deep-1","type":"test","payload":${deep}}`)
    const rejected = rejectionOf(verify(bytes, signed(bytes)))
    expect(rejected.reason).toBe("malformed")
    expect(rejected.detail).toContain("nested too deeply")
  })
})
