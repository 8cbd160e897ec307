import { CallCenter, type ValidationError } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"

const { callKpis, parseCallRecords, defaultCallCentrePolicy } = CallCenter
type CallRecord = CallCenter.CallRecord

const start = Date.UTC(2026, 2, 2, 9, 0)
const s = (seconds: number) => start + seconds * 1000
const options = {
  answerWithinSeconds: 20,
  shortAbandonSeconds: 5,
  serviceLevelConvention: "offered" as const,
  ringSeconds: 5,
  rings: 3,
  repeatWindowHours: 72,
}

// Ten inbound calls and two outbound, built so every KPI can be counted by hand.
const records: ReadonlyArray<CallRecord> = [
  {
    id: "c1",
    direction: "inbound",
    customerId: "k1",
    offeredAt: s(0),
    alertedAt: s(4),
    answeredAt: s(8),
    endedAt: s(188),
    wrapUpSeconds: 30,
    reason: "billing",
  },
  {
    id: "c2",
    direction: "inbound",
    customerId: "k2",
    offeredAt: s(60),
    alertedAt: s(70),
    answeredAt: s(75),
    endedAt: s(315),
    wrapUpSeconds: 60,
    reason: "installation",
  },
  {
    id: "c3",
    direction: "inbound",
    customerId: "k3",
    offeredAt: s(120),
    alertedAt: s(140),
    answeredAt: s(150),
    endedAt: s(270),
  },
  {
    id: "c4",
    direction: "inbound",
    customerId: "k4",
    offeredAt: s(180),
    alertedAt: s(200),
    answeredAt: s(218),
    endedAt: s(398),
    wrapUpSeconds: 20,
  },
  { id: "c5", direction: "inbound", customerId: "k5", offeredAt: s(240), endedAt: s(243) },
  { id: "c6", direction: "inbound", customerId: "k6", offeredAt: s(300), endedAt: s(345) },
  {
    id: "c7",
    direction: "inbound",
    customerId: "k1",
    offeredAt: s(3600),
    alertedAt: s(3600),
    answeredAt: s(3602),
    endedAt: s(3722),
    reason: "billing",
  },
  {
    id: "c8",
    direction: "inbound",
    customerId: "k2",
    offeredAt: s(3700),
    alertedAt: s(3700),
    answeredAt: s(3703),
    endedAt: s(3763),
    reason: "delivery",
  },
  {
    id: "c9",
    direction: "inbound",
    phoneNumber: "+86 10 5555 0100",
    offeredAt: s(3800),
    alertedAt: s(3800),
    answeredAt: s(3810),
    endedAt: s(3900),
    resolvedOnFirstContact: false,
  },
  {
    id: "c10",
    direction: "inbound",
    customerId: "k4",
    offeredAt: s(300_000),
    alertedAt: s(300_000),
    answeredAt: s(300_004),
    endedAt: s(300_064),
  },
  {
    id: "o1",
    direction: "outbound",
    customerId: "k7",
    offeredAt: s(400),
    answeredAt: s(415),
    endedAt: s(535),
    wrapUpSeconds: 15,
  },
  { id: "o2", direction: "outbound", customerId: "k8", offeredAt: s(600), endedAt: s(640) },
]

describe("call-centre KPIs", () => {
  it("counts service level, ASA, abandonment, AHT, FCR and the three-ring rule by hand", () => {
    const kpis = callKpis(records, { ...options, staffedAgentSeconds: 3600 })
    const inbound = kpis.inbound
    expect(inbound.offered).toBe(10)
    expect(inbound.answered).toBe(8)
    expect(inbound.shortAbandoned).toBe(1) // c5 hung up after 3 s
    expect(inbound.abandoned).toBe(1) // c6 after 45 s
    // Answered within 20 s: c1 (8), c2 (15), c7 (2), c8 (3), c9 (10), c10 (4) = 6 of 10 offered.
    expect(inbound.serviceLevel).toBeCloseTo(0.6, 12)
    // Waits 8 + 15 + 30 + 38 + 2 + 3 + 10 + 4 = 110 over 8 answered.
    expect(inbound.averageSpeedOfAnswerSeconds).toBeCloseTo(110 / 8, 12)
    expect(inbound.abandonmentRate).toBeCloseTo(1 / 9, 12)
    expect(inbound.averageTimeToAbandonSeconds).toBe(45)
    // Handle = talk + wrap-up: 210 + 300 + 120 + 200 + 120 + 60 + 90 + 60 = 1160.
    expect(inbound.averageHandleSeconds).toBeCloseTo(1160 / 8, 12)
    // Occupancy counts outbound handling too: (1160 + 135) / 3600.
    expect(inbound.occupancy).toBeCloseTo(1295 / 3600, 12)
    // Rings from alerting: c1 4 s, c2 5, c3 10, c4 18 (> 15), c7 2, c8 3, c9 10, c10 4 → 7 of 8.
    expect(inbound.answeredWithinRings).toBeCloseTo(7 / 8, 12)
    // FCR: c1 repeated by c7 (same reason, within 72 h); c2's repeat c8 is another reason; c9 is
    // marked unresolved; c4's next call c10 is 83 h later. Resolved: c2, c3, c4, c7, c8, c10 = 6 of 8.
    expect(inbound.firstCallResolution).toBeCloseTo(6 / 8, 12)
    expect(inbound.longestWaitSeconds).toBe(45)
    expect(kpis.outbound).toEqual({ attempts: 2, connected: 1, connectRate: 0.5, averageHandleSeconds: 135 })
  })

  it("takes the service level by the convention the centre chose", () => {
    const excluding = callKpis(records, { ...options, serviceLevelConvention: "excludeShortAbandons" })
    expect(excluding.inbound.serviceLevel).toBeCloseTo(6 / 9, 12)
    const answeredOnly = callKpis(records, { ...options, serviceLevelConvention: "answeredOnly" })
    expect(answeredOnly.inbound.serviceLevel).toBeCloseTo(6 / 8, 12)
  })

  it("breaks the KPIs down per interval", () => {
    const kpis = callKpis(records, { ...options, intervals: { start, minutes: 60, count: 2 } })
    expect(kpis.intervals!.map((interval) => interval.offered)).toEqual([6, 3])
    expect(kpis.intervals![1]!.serviceLevel).toBe(1)
    expect(kpis.intervals![0]!.start).toBe(start)
  })

  it("uses the handbook's three rings of the default policy (15 s with China's 5-second ring cycle)", () => {
    expect(defaultCallCentrePolicy.rings * defaultCallCentrePolicy.ringSeconds).toBe(15)
  })

  it("validates switch exports and names each bad record", () => {
    const parsed = parseCallRecords([
      { id: "x", direction: "inbound", offeredAt: 100, answeredAt: 50, endedAt: 200 },
      { id: "y", direction: "sideways", offeredAt: 0, endedAt: 1 },
    ])
    expect(Result.isFailure(parsed)).toBe(true)
    const failure = (parsed as Result.Failure<never, ValidationError>).failure
    const paths = failure.issues.map((issue) => issue.path.join("."))
    expect(paths).toEqual(expect.arrayContaining(["0.answeredAt", "1.direction"]))
    expect(Result.isSuccess(parseCallRecords(records))).toBe(true)
  })
})
