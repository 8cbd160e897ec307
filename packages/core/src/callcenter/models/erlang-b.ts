/**
 * Erlang B, the probability that a call finds all `agents` busy in a loss system offered `load`
 * Erlangs (Erlang 1917). Computed by the recurrence B(0) = 1, B(n) = A·B(n−1) / (n + A·B(n−1)),
 * which never forms a factorial or a power: every step is a ratio in [0, 1], so it neither
 * overflows nor loses precision for tens of thousands of agents (Jagerman 1974 shows the
 * recurrence is stable). Erlang C and Erlang A are built on it.
 */
export function erlangB(agents: number, load: number): number {
  if (!Number.isInteger(agents) || agents < 0)
    throw new RangeError(`agents must be a whole number ≥ 0: ${agents}`)
  if (!(load >= 0) || !Number.isFinite(load))
    throw new RangeError(`load must be a finite number ≥ 0: ${load}`)
  let blocking = 1
  for (let servers = 1; servers <= agents; servers++) blocking = nextErlangB(blocking, servers, load)
  return blocking
}

/** One step of the recurrence: B(n) from B(n − 1). Exposed so searches can walk n upward in O(1) a step. */
export function nextErlangB(previous: number, servers: number, load: number): number {
  const carried = load * previous
  return carried / (servers + carried)
}

/**
 * Erlang C (probability of waiting) from Erlang B for the same agents and load:
 * C = N·B / (N − A·(1 − B)), valid when N > A. With N ≤ A the queue grows without bound and
 * every call waits (C = 1).
 */
export function erlangCFromB(blocking: number, agents: number, load: number): number {
  if (agents <= load) return load === 0 && agents === 0 ? 0 : 1
  return (agents * blocking) / (agents - load * (1 - blocking))
}
