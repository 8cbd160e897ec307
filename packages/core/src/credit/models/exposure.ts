import { scaleMinor } from "../../money/money.ts"
import type { CompiledCreditPolicy } from "./compiled-credit-policy.ts"

/** Status codes: the index in `ExposureStatus.values` (within 0, warning 1, approval 2, blocked 3). */
export const statusCodes = { within: 0, warning: 1, approval: 2, blocked: 3 } as const

/** Control bits of a credit check: which controls the order met. */
export const controlBits = { limit: 1, overdue: 2, danger: 4 } as const

/** Danger bits: which danger signals a customer shows. */
export const dangerBits = { longOverdue: 1, bouncedPayments: 2, bankruptcySigns: 4 } as const

/** The status an action gives: allow warns, approval asks, block refuses. */
const statusOfAction = (action: number): number => action + 1

/**
 * Exposure (信用占用): open receivables + open orders (+ the order being checked), in minor units.
 * Throws a RangeError past the safe integers rather than rounding.
 */
export function exposureMinor(receivablesMinor: number, openOrdersMinor: number, orderMinor: number): number {
  const total = receivablesMinor + openOrdersMinor + orderMinor
  if (!Number.isSafeInteger(total)) throw new RangeError(`exposure ${total} exceeds the safe integer range`)
  return total
}

/** The exposure up to which an order past the limit only warns: limit + ⌊limit × tolerance⌋. */
export function toleratedMinor(
  limitMinor: number,
  gradeCode: number,
  compiled: CompiledCreditPolicy,
): number {
  const basisPoints = compiled.toleranceBasisPoints[gradeCode]!
  return basisPoints === 0 ? limitMinor : limitMinor + scaleMinor(limitMinor, basisPoints, 10_000, "down")
}

/** The danger signals of a customer as bits (see `dangerBits`); 0 for none. */
export function dangerMask(
  oldestOverdueDays: number,
  bouncedPayments: number,
  bankruptcySigns: number,
  compiled: CompiledCreditPolicy,
): number {
  let mask = 0
  if (oldestOverdueDays >= compiled.dangerOverdueDays) mask |= dangerBits.longOverdue
  if (bouncedPayments >= compiled.dangerBouncedPayments) mask |= dangerBits.bouncedPayments
  if (bankruptcySigns >= compiled.dangerBankruptcySigns) mask |= dangerBits.bankruptcySigns
  return mask
}

/**
 * Checks exposure `afterMinor` (the order included) against the controls (资信控制), exactly in
 * integer minor units:
 * - limit: within when after ≤ limit; a warning up to the grade's tolerance; beyond it the grade's
 *   action (allow → warning, approval, block);
 * - overdue: anything overdue more than the grace days meets the overdue action;
 * - danger: a danger customer meets the danger action.
 * The status is the strictest of the three. Returns `status | controls << 2` (see `statusCodes`,
 * `controlBits`) so a million checks allocate nothing; `unpackStatus` and `unpackControls` read it.
 */
export function creditCheckCode(
  afterMinor: number,
  limitMinor: number,
  gradeCode: number,
  oldestOverdueDays: number,
  danger: number,
  compiled: CompiledCreditPolicy,
): number {
  let status: number = statusCodes.within
  let controls = 0
  if (afterMinor > limitMinor) {
    controls |= controlBits.limit
    status =
      afterMinor <= toleratedMinor(limitMinor, gradeCode, compiled)
        ? statusCodes.warning
        : statusOfAction(compiled.overLimitAction[gradeCode]!)
  }
  if (oldestOverdueDays > compiled.overdueGraceDays) {
    controls |= controlBits.overdue
    const overdue = statusOfAction(compiled.overdueAction)
    if (overdue > status) status = overdue
  }
  if (danger !== 0) {
    controls |= controlBits.danger
    const dangerStatus = statusOfAction(compiled.dangerAction)
    if (dangerStatus > status) status = dangerStatus
  }
  return status | (controls << 2)
}

/** The status code of a packed credit check. */
export const unpackStatus = (code: number): number => code & 3

/** The control bits of a packed credit check. */
export const unpackControls = (code: number): number => code >>> 2
