import { createHash } from "node:crypto"

/**
 * The id of a dead letter: short enough to type in `tixi retry`, and the same every time the
 * effect (`index` of the turn's effects, retry `round`) is parked again, so parking is idempotent.
 */
export const deadLetterId = (
  process: string,
  instanceId: string,
  turn: number,
  index: number,
  round: number,
) =>
  `dl-${createHash("sha256").update(`${process}\u0000${instanceId}\u0000${turn}\u0000${index}\u0000${round}`).digest("hex").slice(0, 12)}`
