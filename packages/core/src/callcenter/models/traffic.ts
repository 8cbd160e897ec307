import { Result } from "effect"
import { z } from "zod"
import { parseWith } from "../../errors/validation-error.ts"

/**
 * The traffic of one interval as a staffing model sees it: how many calls arrive, over how long,
 * and how long each takes to handle (talk + hold + after-call work).
 */
export interface IntervalTraffic {
  /** Calls expected (or offered) in the interval; need not be whole, forecasts rarely are. */
  readonly callsPerInterval: number
  /** Length of the interval, e.g. 900 for the 15-minute grid of a 96-interval day. */
  readonly intervalSeconds: number
  /** Average handle time (AHT): talk, hold and after-call work per call. */
  readonly averageHandleSeconds: number
}

/** Validates the traffic fields shared by every Erlang input; extended by each model. */
export const intervalTrafficShape = {
  callsPerInterval: z.number().finite("must be a finite number").min(0, "must not be negative"),
  intervalSeconds: z.number().finite("must be a finite number").positive("must be positive"),
  averageHandleSeconds: z.number().finite("must be a finite number").positive("must be positive"),
}

/** A number of agents: a whole number, zero or more. */
export const agentCountSchema = z
  .number()
  .int("must be a whole number of agents")
  .min(0, "must not be negative")
  .max(10_000_000, "at most 10,000,000 agents")

/** A service-level target: a share strictly between 0 and 1 (a 100 % target can never be guaranteed). */
export const targetShareSchema = z
  .number()
  .finite("must be a number")
  .min(0, "must be at least 0")
  .lt(1, "must be below 1 (no number of agents guarantees 100 %)")

/**
 * The offered load in Erlangs, A = λ · AHT: the number of agents that would be busy all the time
 * if every call were answered at once. 100 calls in 30 minutes at 180 s each are 10 Erlangs.
 */
export function offeredLoad(traffic: IntervalTraffic): number {
  return (traffic.callsPerInterval / traffic.intervalSeconds) * traffic.averageHandleSeconds
}

/** Validates model input and throws the `ValidationError` (with field paths) when it is bad. */
export function validModelInput<Output>(subject: string, schema: z.ZodType<Output>, input: unknown): Output {
  return Result.getOrThrow(parseWith(subject, schema, input))
}
