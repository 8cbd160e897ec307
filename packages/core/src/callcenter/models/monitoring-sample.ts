import { z } from "zod"
import type { CallRecord } from "../schema/call-record.ts"
import { validModelInput } from "./traffic.ts"

/** How calls are drawn for quality monitoring (质量监控 · 抽取呼叫). */
export interface MonitoringSampleOptions {
  /** Calls drawn per agent; an agent with fewer answered calls has them all drawn. */
  readonly callsPerAgent: number
  /** The draw's seed (e.g. the month, `2026-04`): the same seed and calls give the same sample. */
  readonly seed: string
  /** Calls shorter than this many seconds of talk are not worth monitoring (default 30). */
  readonly minimumTalkSeconds?: number
}

const optionsSchema = z.object({
  callsPerAgent: z.number().int().min(1).max(1000),
  seed: z.string().min(1).max(200),
  minimumTalkSeconds: z.number().finite().min(0).optional(),
})

/** FNV-1a, 32 bits: a stable, well-spread order of calls for a seed. */
function rank(text: string): number {
  let hash = 0x811c9dc5
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash
}

/**
 * Draws the calls to monitor (000 9.4.4 质量监控工作流程: 抽取呼叫): from every agent's answered
 * calls with enough talk, `callsPerAgent` in an order fixed by the seed, so every agent is
 * monitored equally, nobody can steer which calls are drawn, and an auditor with the seed draws
 * the same sample. The sample is returned per agent, each agent's calls in time order. Throws
 * `ValidationError` on bad options.
 */
export function sampleCallsForMonitoring(
  calls: ReadonlyArray<CallRecord>,
  options: MonitoringSampleOptions,
): ReadonlyArray<CallRecord> {
  const valid = validModelInput("callcenter.monitoringSample", optionsSchema, options)
  const minimumMillis = (valid.minimumTalkSeconds ?? 30) * 1000
  const byAgent = new Map<string, Array<CallRecord>>()
  for (const call of calls) {
    if (call.agentId === undefined || call.answeredAt === undefined) continue
    if (call.endedAt - call.answeredAt < minimumMillis) continue
    const list = byAgent.get(call.agentId) ?? []
    list.push(call)
    byAgent.set(call.agentId, list)
  }
  return [...byAgent.keys()].sort().flatMap((agentId) =>
    byAgent
      .get(agentId)!
      .map((call) => ({ call, rank: rank(`${valid.seed}:${call.id}`) }))
      .sort((left, right) => left.rank - right.rank || left.call.id.localeCompare(right.call.id))
      .slice(0, valid.callsPerAgent)
      .map(({ call }) => call)
      .sort((left, right) => left.offeredAt - right.offeredAt),
  )
}
