import type { Instant } from "../time/instant.ts"
import {
  type LadderProgress,
  ladderMarksDue,
  type ScheduledLadder,
  type ScheduledRung,
} from "./escalation-ladder.ts"

/** The reminder event of a ladder: the person responsible was reminded. */
export type LadderRemindedEvent<Type extends string> = { readonly type: Type; readonly at: Instant }

/** The escalation event of a ladder: one rung reached, its post to be told. */
export type LadderEscalatedEvent<Type extends string> = {
  readonly type: Type
  readonly at: Instant
  readonly rung: ScheduledRung
}

/**
 * The events a ladder's timer decides at `at`: the reminder when it is due and not yet sent,
 * then one escalation per rung due and not yet reached — after an outage, every mark due at
 * once. A flow names its two event types; its check step is then one line.
 */
export function ladderMarkEvents<const Reminded extends string, const Escalated extends string>(
  ladder: ScheduledLadder,
  progress: LadderProgress,
  at: Instant,
  types: { readonly reminded: Reminded; readonly escalated: Escalated },
): ReadonlyArray<LadderRemindedEvent<Reminded> | LadderEscalatedEvent<Escalated>> {
  const due = ladderMarksDue(ladder, progress, at)
  return [
    ...(due.remind ? [{ type: types.reminded, at }] : []),
    ...due.rungs.map((rung) => ({ type: types.escalated, at, rung })),
  ]
}
