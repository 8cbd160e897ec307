import type { Label } from "../../labels/label.ts"

/** One reason paid agents are not available for calls, as a share of paid time (休息, 培训, 缺勤). */
export interface ShrinkageComponent {
  readonly id: string
  readonly name: Label
  /** Share of paid time lost to this reason, 0 ≤ share < 1. */
  readonly share: number
}

/**
 * Total shrinkage: the share of paid time in which scheduled agents cannot take calls. Components
 * are shares of the same paid time, so they add (the industry convention; multiplying them would
 * understate it). Throws `RangeError` when they reach 100 %, where no schedule can cover anything.
 */
export function totalShrinkage(components: ReadonlyArray<ShrinkageComponent>): number {
  let total = 0
  for (const component of components) {
    if (!(component.share >= 0) || !(component.share < 1)) {
      throw new RangeError(
        `shrinkage component ${component.id} must be a share in [0, 1): ${component.share}`,
      )
    }
    total += component.share
  }
  if (total >= 1) throw new RangeError(`total shrinkage must be below 100 %: ${total}`)
  return total
}

/**
 * Agents to schedule so that `productiveAgents` are on the phones after shrinkage:
 * ⌈N / (1 − shrinkage)⌉. 14 productive agents at 30 % shrinkage need 20 scheduled.
 */
export function scheduledAgentsFor(productiveAgents: number, shrinkage: number): number {
  if (!(shrinkage >= 0 && shrinkage < 1)) throw new RangeError(`shrinkage must be in [0, 1): ${shrinkage}`)
  if (productiveAgents === 0) return 0
  // The epsilon keeps 14 / 0.7 = 20.000000000000004 from becoming 21.
  return Math.ceil(productiveAgents / (1 - shrinkage) - 1e-9)
}
