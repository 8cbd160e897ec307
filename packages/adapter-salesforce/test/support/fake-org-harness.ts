import { parseQuery } from "@jetstreamapp/soql-parser-js"
import {
  make,
  SalesforceAdapter,
  type SalesforceAdapterService,
  type SalesforceSettings,
} from "@tixi/adapter-salesforce"
import {
  createFakeSalesforce,
  type FakeOrgOptions,
  type FakeSalesforce,
  fakeOrgSettings,
} from "@tixi/adapter-salesforce/fake"
import { Approvals, type FieldSpec, HostCrm, label } from "@tixi/core"
import { Context, Effect, Layer } from "effect"
import { setupServer } from "msw/node"
import { afterAll, afterEach, beforeAll, expect } from "vitest"

/** One msw server per test file; each fake org replaces the handlers of the one before. */
export const server = setupServer()

/** Fake orgs of the running test whose SOQL is checked when it ends. */
const trackedFakes = new Set<FakeSalesforce>()

/** Has the SOQL a fake org receives checked by `assertValidSoql` after the test (harness orgs are). */
export function trackSoql(fake: FakeSalesforce): FakeSalesforce {
  trackedFakes.add(fake)
  return fake
}

/**
 * The SOQL the org received that a maintained SOQL parser (not the fake's own) rejects, each with
 * the parser's reason: the fake answers what it understands, so a query Salesforce would refuse
 * could otherwise pass every test.
 */
export function invalidSoqlOf(fake: FakeSalesforce): Array<string> {
  return fake.api.requests.flatMap((request) => {
    if (request.soql === undefined) return []
    try {
      parseQuery(request.soql)
      return []
    } catch (error) {
      return [`${request.soql}\n  ${String((error as Error).message).split("\n")[0]}`]
    }
  })
}

/** Fails the test on any SOQL the org received that does not parse (`invalidSoqlOf`). */
export function assertValidSoql(fake: FakeSalesforce): void {
  expect(invalidSoqlOf(fake), "SOQL the adapter sent that does not parse").toEqual([])
}

/** Starts the msw server for the file (call at the top level of a test file); checks every tracked org's SOQL after each test. */
export function useMsw(): void {
  beforeAll(() => server.listen({ onUnhandledFrame: "error" }))
  afterEach(() => {
    server.resetHandlers()
    const fakes = [...trackedFakes]
    trackedFakes.clear()
    for (const fake of fakes) assertValidSoql(fake)
  })
  afterAll(() => server.close())
}

/** Settings that sign in to a fake org with the JWT flow and a key held in memory, polling Bulk jobs fast. */
export function settingsFor(
  fake: FakeSalesforce,
  extra: Partial<SalesforceSettings> = {},
): SalesforceSettings {
  return fakeOrgSettings(fake, { bulkPolling: { initialMillis: 5, maxMillis: 20 }, ...extra })
}

/** A fake org mounted on the msw server, with an adapter signed in to it. */
export async function fakeOrgWithAdapter(
  options: {
    readonly org?: FakeOrgOptions
    readonly settings?: Partial<SalesforceSettings>
    readonly install?: ReadonlyArray<FieldSpec>
  } = {},
): Promise<{ fake: FakeSalesforce; adapter: SalesforceAdapterService }> {
  const fake = trackSoql(createFakeSalesforce(options.org))
  server.resetHandlers(...fake.handlers)
  const adapter = await Effect.runPromise(make(settingsFor(fake, options.settings)))
  if (options.install) await Effect.runPromise(adapter.install(options.install, { dryRun: false }))
  return { fake, adapter }
}

/** Waits (really: gRPC streams and servers run on their own) until `condition` holds. */
export const until = async (condition: () => boolean, millis = 5_000): Promise<void> => {
  const started = Date.now()
  while (!condition()) {
    if (Date.now() - started > millis) throw new Error("timed out waiting")
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** The fields the conformance suite writes without installing them first. */
export const suiteFields: ReadonlyArray<FieldSpec> = [
  { object: "customer", name: "tixi_grade", label: label("客户等级", "Grade"), type: "text" },
  { object: "case", name: "complaint_cause", label: label("投诉原因", "Cause"), type: "text" },
  {
    object: "case",
    name: "complaint_urgency",
    label: label("处理紧急程度", "Urgency"),
    type: "choice",
    options: [
      { value: "critical", label: label("特急", "Critical") },
      { value: "urgent", label: label("急", "Urgent") },
      { value: "normal", label: label("普通", "Normal") },
    ],
  },
]

/** The fake org of the current case, for harness actions. */
export class CurrentFakeOrg extends Context.Service<CurrentFakeOrg, FakeSalesforce>()(
  "test/CurrentFakeOrg",
) {}

/** A layer over a fresh fake org: `HostCrm`, `Approvals`, the adapter and the fake itself. */
export const fakeOrgLayer = (
  options: Parameters<typeof fakeOrgWithAdapter>[0] & {
    readonly setup?: (fake: FakeSalesforce) => void
  } = {},
) =>
  Layer.effectContext(
    Effect.promise(async () => {
      const { fake, adapter } = await fakeOrgWithAdapter(options)
      options.setup?.(fake)
      return Context.make(HostCrm, adapter.hostCrm).pipe(
        Context.add(Approvals, adapter.approvals),
        Context.add(SalesforceAdapter, adapter),
        Context.add(CurrentFakeOrg, fake),
      )
    }),
  )
