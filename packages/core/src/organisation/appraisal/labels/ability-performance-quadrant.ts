import { enumeration, type ValueOf } from "../../../labels/enumeration.ts"
import { label } from "../../../labels/label.ts"

/**
 * The four quadrants of ability against performance (001 ch.1 图1-1 能力与绩效的 4 个象限), by
 * the handbook's letters, so a supervisor reading 001 finds them as printed.
 */
export const AbilityPerformanceQuadrant = enumeration("organisation.abilityPerformanceQuadrant", {
  A: label("A 象限：绩效好、能力高", "A: high performance, high ability"),
  B: label("B 象限：绩效好、能力低", "B: high performance, low ability"),
  C: label("C 象限：能力高、绩效差", "C: high ability, low performance"),
  D: label("D 象限：能力低、绩效差", "D: low ability, low performance"),
})

/** A quadrant of 图1-1. */
export type AbilityPerformanceQuadrant = ValueOf<typeof AbilityPerformanceQuadrant>

/** What 001 tells the 客服主管 to do with the people of each quadrant. */
export const QuadrantAction = enumeration("organisation.quadrantAction", {
  retain: label("留住", "Retain"),
  train: label("培训，提升工作能力", "Train to raise ability"),
  motivate: label("激励", "Motivate"),
  trainAssessOrRelease: label("培训、鉴定或淘汰", "Train, assess or let go"),
})

/** An action of 001 for a quadrant. */
export type QuadrantAction = ValueOf<typeof QuadrantAction>

/** 001: 留住 A，培训 B，激励 C，培训、鉴定或淘汰 D. */
export const quadrantActions: { readonly [Q in AbilityPerformanceQuadrant]: QuadrantAction } = {
  A: "retain",
  B: "train",
  C: "motivate",
  D: "trainAssessOrRelease",
}

/** The quadrant of a person high or low on each axis (high: at or above the line). */
export const quadrantOf = (highAbility: boolean, highPerformance: boolean): AbilityPerformanceQuadrant =>
  highPerformance ? (highAbility ? "A" : "B") : highAbility ? "C" : "D"
