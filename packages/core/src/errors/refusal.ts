/**
 * What every refusal error says of itself: the caller was told no (unknown person, a post not
 * held, a transition the state does not allow, no such process), as opposed to something failing
 * (storage, a port). The audit trail files a failure by this mark rather than by a list of tags,
 * so a new refusal that carries it can never be filed as a failure.
 */
export interface Refusal {
  readonly isRefusal: true
}

/** Whether an error is a refusal: it carries the mark as its own getter or property. */
export const isRefusal = (error: unknown): error is Refusal =>
  typeof error === "object" && error !== null && (error as { isRefusal?: unknown }).isRefusal === true
