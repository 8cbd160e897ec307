import { type FieldSpec, label } from "@tixi/core"
import { defaultFakeApp, type FakeHubSpotOptions, FakeHubSpotPortal } from "@tixi/testing/hubspot"
import { HttpResponse, http } from "msw"
import { setupServer } from "msw/node"
import { afterAll, afterEach, beforeAll } from "vitest"
import type { CaseStage, HubSpotOptions } from "../../src/index.ts"

/** The case stages the tests install: a short complaint flow. */
export const testStages: ReadonlyArray<CaseStage> = [
  { name: "registered", label: label("已登记", "Registered"), state: "open" },
  { name: "investigating", label: label("调查中", "Investigating"), state: "open" },
  { name: "closed", label: label("已结案", "Closed"), state: "closed" },
]

/** Fields the tests install, of several types. */
export const testFields: ReadonlyArray<FieldSpec> = [
  {
    object: "customer",
    name: "customer_grade",
    label: label("客户等级", "Customer grade"),
    type: "choice",
    options: [
      { value: "A", label: label("A 级", "Grade A") },
      { value: "B", label: label("B 级", "Grade B") },
      { value: "C", label: label("C 级", "Grade C") },
    ],
  },
  { object: "customer", name: "credit_limit", label: label("信用额度", "Credit limit"), type: "money" },
  { object: "case", name: "sla_due_at", label: label("处理期限", "SLA due"), type: "dateTime" },
  { object: "case", name: "escalation_level", label: label("升级级别", "Escalation level"), type: "number" },
]

/**
 * One msw server for a test file, answering `https://api.hubapi.com` from the current fake
 * portal; `fresh()` swaps in a new portal (each conformance case gets its own).
 */
export function useFakePortal(options: FakeHubSpotOptions = {}) {
  let current = new FakeHubSpotPortal(options)
  // A fault injected as a dropped connection reaches the client as a network error.
  const server = setupServer(
    http.all("https://api.hubapi.com/*", ({ request }) =>
      current.fetch(request).catch(() => HttpResponse.error()),
    ),
  )
  beforeAll(() => server.listen({ onUnhandledFrame: "error" }))
  afterEach(() => server.resetHandlers())
  afterAll(() => server.close())
  return {
    get portal() {
      return current
    },
    fresh(overrides: FakeHubSpotOptions = {}) {
      current = new FakeHubSpotPortal({ ...options, ...overrides })
      return current
    },
    server,
  }
}

/** Adapter options pointing at the fake portal's default app. */
export const fakeOptions = (overrides: Partial<HubSpotOptions> = {}): HubSpotOptions => ({
  accessToken: defaultFakeApp.accessToken,
  clientSecret: defaultFakeApp.clientSecret,
  tier: "professional",
  stages: testStages,
  pollSettleMillis: 0,
  ...overrides,
})
