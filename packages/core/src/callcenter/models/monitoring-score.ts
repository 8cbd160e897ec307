import { invalid, ValidationError, type ValidationIssue } from "../../errors/validation-error.ts"
import type { ScorecardTemplate } from "../policy/monitoring-scorecard.ts"

/** One line of a filled-in monitoring sheet: the points given, or not applicable to this call. */
export interface LineScore {
  readonly itemId: string
  /** Points given, 0 to the line's points; absent when `notApplicable`. */
  readonly points?: number
  readonly notApplicable?: boolean
  readonly comment?: string
}

/** A filled-in monitoring sheet (呼叫业务质量监控表) for one call, as the scoring needs it. */
export interface MonitoringSheet {
  readonly callId: string
  readonly agentId: string
  readonly evaluatorId: string
  readonly lines: ReadonlyArray<LineScore>
  /** Critical errors observed (ids of the scorecard's critical items). */
  readonly criticalErrors: ReadonlyArray<string>
}

/** The score of one section. */
export interface SectionScore {
  readonly sectionId: string
  readonly earned: number
  readonly possible: number
  /** Percent of the applicable points; undefined when nothing in the section applied. */
  readonly percent: number | undefined
}

/** What a monitoring sheet scores. */
export interface MonitoringScore {
  readonly callId: string
  readonly agentId: string
  readonly evaluatorId: string
  readonly earned: number
  readonly possible: number
  /** Percent of applicable points, or 0 with a critical error. */
  readonly percent: number
  readonly passed: boolean
  readonly criticalErrors: ReadonlyArray<string>
  readonly sections: ReadonlyArray<SectionScore>
}

/**
 * Scores a monitoring sheet against its scorecard: points earned over the points of the lines
 * that applied (a call with no transfer is not marked down for transfer handling), zero when a
 * critical error occurred, pass at the scorecard's mark. Every line must be scored or marked not
 * applicable; anything else throws `ValidationError` naming the line.
 */
export function scoreMonitoringSheet(template: ScorecardTemplate, sheet: MonitoringSheet): MonitoringScore {
  const subject = "callcenter.monitoringSheet"
  const issues: Array<ValidationIssue> = []
  const byItem = new Map<string, LineScore>()
  sheet.lines.forEach((line, index) => {
    if (byItem.has(line.itemId))
      issues.push({ path: ["lines", index, "itemId"], message: "scored twice", code: "rule" })
    byItem.set(line.itemId, line)
  })
  const known = new Set(template.sections.flatMap((section) => section.items.map((item) => item.id)))
  sheet.lines.forEach((line, index) => {
    if (!known.has(line.itemId))
      issues.push({ path: ["lines", index, "itemId"], message: "not a line of this scorecard", code: "rule" })
  })
  const criticalIds = new Set(template.criticalItems.map((item) => item.id))
  sheet.criticalErrors.forEach((id, index) => {
    if (!criticalIds.has(id))
      issues.push({
        path: ["criticalErrors", index],
        message: "not a critical item of this scorecard",
        code: "rule",
      })
  })
  const sections: Array<SectionScore> = template.sections.map((section) => {
    let earned = 0
    let possible = 0
    for (const item of section.items) {
      const line = byItem.get(item.id)
      const index = sheet.lines.findIndex((candidate) => candidate.itemId === item.id)
      if (!line) {
        issues.push({
          path: ["lines"],
          message: `line ${item.id} is neither scored nor marked not applicable`,
          code: "rule",
        })
        continue
      }
      if (line.notApplicable) {
        if (line.points !== undefined)
          issues.push({
            path: ["lines", index, "points"],
            message: "a line not applicable has no points",
            code: "rule",
          })
        continue
      }
      const points = line.points
      if (points === undefined || !Number.isFinite(points) || points < 0 || points > item.points) {
        issues.push({
          path: ["lines", index, "points"],
          message: `must be between 0 and ${item.points}`,
          code: "rule",
        })
        continue
      }
      earned += points
      possible += item.points
    }
    return {
      sectionId: section.id,
      earned,
      possible,
      percent: possible === 0 ? undefined : (100 * earned) / possible,
    }
  })
  if (issues.length > 0) throw new ValidationError({ subject, issues })
  const earned = sections.reduce((sum, section) => sum + section.earned, 0)
  const possible = sections.reduce((sum, section) => sum + section.possible, 0)
  if (possible === 0) throw invalid(subject, ["lines"], "at least one line must apply to the call")
  const critical = sheet.criticalErrors.length > 0
  const percent = critical ? 0 : (100 * earned) / possible
  return {
    callId: sheet.callId,
    agentId: sheet.agentId,
    evaluatorId: sheet.evaluatorId,
    earned,
    possible,
    percent,
    passed: !critical && percent >= template.passPercent,
    criticalErrors: sheet.criticalErrors,
    sections,
  }
}
