import type { ConfidentialityLevel } from "@tixi/core"

/** What an audit entry is about: a command, an approver's decision, a read of a marked field, or an erasure of a person's data. */
export type AuditKind = "command" | "approval" | "read" | "erasure"

/**
 * What became of it: `accepted` (a command a turn applied or found nothing to do for, a field
 * shown), `refused` (by the process, the directory or the access rules: nothing was written or
 * shown), `failed` (storage or a port failed before the command was stored).
 */
export type AuditOutcome = "accepted" | "refused" | "failed"

/** One row of the audit trail, as a security review reads it: who, in which post, what, when, why. */
export interface AuditEntry {
  /** Its place in the trail; queries page by it. */
  readonly sequence: number
  /** The runtime's clock when the runtime took the command or served the read (epoch millis). */
  readonly at: number
  readonly kind: AuditKind
  readonly outcome: AuditOutcome
  readonly personId: string | undefined
  /** The post (or role) the person acted in, as the directory resolved it. */
  readonly post: string | undefined
  readonly process: string | undefined
  readonly instanceId: string | undefined
  readonly commandType: string | undefined
  /** The field read or refused (reads only). */
  readonly field: string | undefined
  readonly level: ConfidentialityLevel | undefined
  /** The refusal's tag (`PolicyRefusal`, `UnknownActor`, `AboveClearance`…). */
  readonly refusal: string | undefined
  /** Why it was refused or failed, in the words of whoever refused it. */
  readonly reason: string | undefined
}

/** An entry before the trail numbers and stamps it. */
export type AuditRecord = Omit<AuditEntry, "sequence" | "at" | "field" | "level" | "refusal" | "reason"> &
  Partial<Pick<AuditEntry, "field" | "level" | "refusal" | "reason">>

/** Who reads: the person and the post they read in. */
export interface AuditReader {
  readonly personId: string
  readonly post: string
}

/**
 * The record read: whose instance, and the fields shown with their levels. A status row not yet
 * routed to a process (a refused intake event) names neither.
 */
export interface AuditedRecord {
  readonly process: string | undefined
  readonly instanceId: string | undefined
  /** The fields the reader was shown; those at 秘密 or 机密 are recorded. */
  readonly shownFields?: ReadonlyArray<{ readonly field: string; readonly level: ConfidentialityLevel }>
}

/** One record of a read that shows several (a status): the record and what of it was masked. */
export interface AuditedRead {
  readonly record: AuditedRecord
  readonly maskedFields: ReadonlyArray<MaskedField>
}

/** A field the projection masked, as it reports it: always recorded as a refused read. */
export interface MaskedField {
  readonly field: string
  readonly level: ConfidentialityLevel
  readonly reason: string
}

/** Which entries to read: every filter optional, paged by sequence. */
export interface AuditQuery {
  readonly personId?: string | undefined
  readonly process?: string | undefined
  readonly instanceId?: string | undefined
  /** From this instant on (epoch millis, inclusive). */
  readonly from?: number | undefined
  /** Before this instant (epoch millis, exclusive). */
  readonly to?: number | undefined
  readonly outcome?: AuditOutcome | undefined
  /** At most this many entries (1 to 10,000). */
  readonly limit: number
  /** Only entries after this sequence: the last sequence of the previous page. */
  readonly after?: number | undefined
}
