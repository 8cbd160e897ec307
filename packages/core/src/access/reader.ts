import type { AccessModule } from "./access-module.ts"
import type { ConfidentialityLevel } from "./confidentiality-level.ts"

/**
 * Who reads a record, as far as access goes: how high they are cleared and which modules they
 * work in. The posts a person holds supply both (the post catalogue); the projection needs no
 * more, so it works for a person, a service account or a host's audience alike.
 */
export interface Reader {
  readonly clearance: ConfidentialityLevel
  /** The modules whose need-to-know fields the reader may see. */
  readonly modules: ReadonlySet<AccessModule>
}
