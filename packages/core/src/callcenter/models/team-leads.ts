/** How many agents one team lead (组长) supervises: the handbook's 12–14. */
export interface TeamLeadSpan {
  readonly minAgentsPerLead: number
  readonly maxAgentsPerLead: number
}

/** The handbook's span: "每个呼叫中心组长负责 12～14 名员工" (004 ch.8 §2 职责 9). */
export const handbookTeamLeadSpan: TeamLeadSpan = { minAgentsPerLead: 12, maxAgentsPerLead: 14 }

/** The team leads a number of agents needs, and whether the teams fall within the span. */
export interface TeamLeads {
  readonly leads: number
  /** Average team size, agents / leads (0 without agents). */
  readonly agentsPerLead: number
  /**
   * Whether the average team is within the span. A floor smaller than one full team still gets
   * one lead and reports false, so a planner sees that the team is under-sized, not over-led.
   */
  readonly withinSpan: boolean
}

/**
 * Team leads for `agents` on the floor: ⌈agents / max span⌉, the fewest leads that keep every
 * team at or below the maximum; teams are then as even as possible.
 */
export function teamLeadsFor(agents: number, span: TeamLeadSpan = handbookTeamLeadSpan): TeamLeads {
  if (!Number.isInteger(agents) || agents < 0)
    throw new RangeError(`agents must be a whole number ≥ 0: ${agents}`)
  if (!(span.minAgentsPerLead >= 1) || span.maxAgentsPerLead < span.minAgentsPerLead) {
    throw new RangeError(
      `team lead span must have 1 ≤ min ≤ max: ${span.minAgentsPerLead}–${span.maxAgentsPerLead}`,
    )
  }
  if (agents === 0) return { leads: 0, agentsPerLead: 0, withinSpan: true }
  const leads = Math.ceil(agents / span.maxAgentsPerLead)
  const agentsPerLead = agents / leads
  return { leads, agentsPerLead, withinSpan: agentsPerLead >= span.minAgentsPerLead }
}
