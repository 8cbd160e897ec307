import { Quality } from "@tixi/core"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"

const { classifyKanoPair, kanoClassification, KanoAnswer } = Quality

describe("Kano classification", () => {
  it("follows the standard evaluation table of Berger et al. (1993), cell by cell", () => {
    // Rows: functional answer; columns: dysfunctional answer, both like, must-be, neutral, live-with, dislike.
    const table = [
      ["Q", "A", "A", "A", "O"],
      ["R", "I", "I", "I", "M"],
      ["R", "I", "I", "I", "M"],
      ["R", "I", "I", "I", "M"],
      ["R", "R", "R", "R", "Q"],
    ]
    const letter = {
      attractive: "A",
      oneDimensional: "O",
      mustBe: "M",
      indifferent: "I",
      reverse: "R",
      questionable: "Q",
    }
    KanoAnswer.values.forEach((functional, row) => {
      KanoAnswer.values.forEach((dysfunctional, column) => {
        expect(letter[classifyKanoPair(functional, dysfunctional)]).toBe(table[row]![column])
      })
    })
  })

  it("takes each feature's most frequent category and Berger's better/worse coefficients", () => {
    const responses = [
      ...Array.from({ length: 10 }, () => ({
        feature: "callback",
        functional: "like" as const,
        dysfunctional: "neutral" as const,
      })),
      ...Array.from({ length: 5 }, () => ({
        feature: "callback",
        functional: "like" as const,
        dysfunctional: "dislike" as const,
      })),
      ...Array.from({ length: 3 }, () => ({
        feature: "callback",
        functional: "mustBe" as const,
        dysfunctional: "dislike" as const,
      })),
      ...Array.from({ length: 2 }, () => ({
        feature: "callback",
        functional: "neutral" as const,
        dysfunctional: "neutral" as const,
      })),
    ]
    const [callback] = kanoClassification(responses)
    expect(callback!.category).toBe("attractive")
    expect(callback!.counts).toMatchObject({ attractive: 10, oneDimensional: 5, mustBe: 3, indifferent: 2 })
    // Better = (A + O)/(A + O + M + I) = 15/20; Worse = −(O + M)/(A + O + M + I) = −8/20.
    expect(callback!.better).toBeCloseTo(0.75, 12)
    expect(callback!.worse).toBeCloseTo(-0.4, 12)
    expect(callback!.margin).toBeCloseTo(0.25, 12)
  })

  it("breaks ties M > O > A > I, as Berger et al. advise", () => {
    const [feature] = kanoClassification([
      { feature: "f", functional: "like", dysfunctional: "neutral" },
      { feature: "f", functional: "neutral", dysfunctional: "dislike" },
    ])
    expect(feature!.category).toBe("mustBe")
  })

  it("counts every response once, whatever the answers", () => {
    const answer = fc.constantFrom(...KanoAnswer.values)
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ feature: fc.constantFrom("a", "b"), functional: answer, dysfunctional: answer }),
          { minLength: 1 },
        ),
        (responses) => {
          const results = kanoClassification(responses)
          expect(results.reduce((sum, result) => sum + result.responses, 0)).toBe(responses.length)
          for (const result of results) {
            if (result.better !== undefined) expect(result.better).toBeGreaterThanOrEqual(0)
            if (result.worse !== undefined) expect(result.worse).toBeLessThanOrEqual(0)
          }
        },
      ),
    )
  })
})
