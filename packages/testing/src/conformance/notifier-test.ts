import { label, Notifier, personId } from "@tixi/core"
import { Effect, type Layer } from "effect"
import { describe, expect } from "vitest"
import { conformanceCase, failureOf, type SuiteOptions } from "./suite.ts"

/** What a notifier implementation gives the suite. */
export interface NotifierHarness<Extra = never> {
  readonly layer: () => Layer.Layer<Notifier | Extra, unknown>
  /** How many messages the host received for a key (to prove one delivery per key). */
  readonly deliveries: (key: string) => Effect.Effect<number, unknown, Notifier | Extra>
}

/** The cases of the Notifier conformance suite. */
export type NotifierCase = "notify delivers once per key" | "notify without recipients fails InvalidRequest"

/** The Notifier conformance suite. */
export function notifierSuite<Extra = never>(
  name: string,
  harness: NotifierHarness<Extra>,
  options: SuiteOptions<NotifierCase> = {},
): void {
  const test = (caseName: NotifierCase, program: () => Effect.Effect<void, unknown, Notifier | Extra>) =>
    conformanceCase(caseName, options, harness.layer, program)
  const draft = (key: string, recipients: ReadonlyArray<string>) => ({
    key,
    recipients: recipients.map(personId),
    severity: "urgent" as const,
    title: label("投诉即将超时", "Complaint about to breach"),
    body: label("TS-20260105-0001 距承诺办理期限还有 2 小时", "TS-20260105-0001 is due in 2 hours"),
    caseKey: "TS-20260105-0001",
  })

  describe(`Notifier conformance: ${name}`, () => {
    test("notify delivers once per key", () =>
      Effect.gen(function* () {
        const notifier = yield* Notifier
        const first = yield* notifier.notify(draft("n-1", ["supervisor-sun"]))
        yield* notifier.notify(draft("n-1", ["supervisor-sun"]))
        expect(first.recipients).toEqual(["supervisor-sun"])
        expect(yield* harness.deliveries("n-1")).toBe(1)
      }))

    test("notify without recipients fails InvalidRequest", () =>
      Effect.gen(function* () {
        const notifier = yield* Notifier
        const failure = yield* failureOf(notifier.notify(draft("n-2", [])))
        expect(failure.reason._tag).toBe("InvalidRequest")
      }))
  })
}
