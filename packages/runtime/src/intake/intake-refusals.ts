import { Clock, Effect } from "effect"
import type { SqlClient } from "effect/sql"
import type { VerifiedEvent } from "./intake-source.ts"
import { escapeUnstorable } from "./unstorable-content.ts"

/** An event the database can never store, with why; recorded so an operator sees what was refused. */
export interface IntakeRefusal {
  readonly source: string
  readonly event: VerifiedEvent
  readonly reason: string
}

/** The payload as JSON text; one too deep to serialize is noted instead of failing the record. */
const payloadText = (payload: unknown): string => {
  try {
    return JSON.stringify(payload) ?? "null"
  } catch (error) {
    return `"not kept: ${String(error).replaceAll('"', "'")}"`
  }
}

/**
 * Records refused events in `tixi_intake_refused`, with the payload as escaped JSON text (which any
 * text column holds), so nothing a vendor sent is dropped without a trace. A vendor sending the
 * same event again counts as one more refusal of the same record.
 */
export const recordIntakeRefusals = (sql: SqlClient.SqlClient, refusals: ReadonlyArray<IntakeRefusal>) =>
  Effect.flatMap(Clock.currentTimeMillis, (at) =>
    Effect.forEach(
      refusals,
      (refusal) => sql`
      INSERT INTO tixi_intake_refused (source, event_id, type, reason, payload, refusals, refused_at)
      VALUES (${refusal.source}, ${escapeUnstorable(refusal.event.id)}, ${escapeUnstorable(refusal.event.type)},
              ${escapeUnstorable(refusal.reason)}, ${payloadText(refusal.event.payload)}, 1, ${at})
      ON CONFLICT (source, event_id) DO UPDATE SET
        reason = EXCLUDED.reason, refusals = tixi_intake_refused.refusals + 1, refused_at = EXCLUDED.refused_at
    `,
      { discard: true },
    ),
  )
