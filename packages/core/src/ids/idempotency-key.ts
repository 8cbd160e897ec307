/**
 * The key that makes a side effect safe to retry (DESIGN rule 5): derived from the process, the
 * instance and the step, so a retried step sends the same key and the host does the work once.
 */
export type IdempotencyKey = string & { readonly __idempotencyKey: true }

/**
 * Builds the key of one step of one process instance, e.g.
 * `complaint/TS-20260105-0001/12/host.case.upsert`. The parts are joined with `/`; a part that
 * contains `/` is percent-encoded so that distinct steps never share a key.
 */
export function idempotencyKey(
  process: string,
  instanceId: string,
  step: number | string,
  effect: string,
): IdempotencyKey {
  // Built by hand rather than map/join: every event of every process asks for a few of these.
  return `${encodePart(process)}/${encodePart(instanceId)}/${encodePart(String(step))}/${encodePart(effect)}` as IdempotencyKey
}

function encodePart(part: string): string {
  return part.includes("/") || part.includes("%") ? part.replaceAll("%", "%25").replaceAll("/", "%2F") : part
}
