import {
  type CaseDraft,
  type HostCase,
  type HostChange,
  type HostCustomer,
  type HostFieldValue,
  isUnkeyedCaseKey,
} from "../../ports/host-crm.ts"
import type { Unstamped } from "../../process/definition.ts"
import type { Instant } from "../../time/instant.ts"
import type { Actor } from "../process/actor.ts"
import { caseDraftOf } from "../process/case-draft.ts"
import type { Close, Register, Reopen } from "../process/commands.ts"
import { isComplaintFinished } from "../process/complaint-process.ts"
import type { ComplaintState } from "../process/state.ts"
import { complaintCaseFields } from "../schema/host-fields.ts"
import {
  defaultHostRegistrationDefaults,
  type HostRegistrationDefaults,
  registrationOfHostCase,
} from "./host-registration.ts"

/**
 * Why a change made on the host leads to nothing:
 * - `tixiWrite`: tixi made it (its own write coming back by webhook or poll; no echo loops);
 * - `notACase`: a customer record changed (customer changes are not complaint commands);
 * - `notTakenIn`: staff opened a case tixi does not take in (e.g. a ticket in another pipeline);
 * - `gone`: the case is gone and no complaint is known for it: deleted before tixi took it in, or
 *   a deletion reported without tixi's key of a case tixi opened itself (a HubSpot webhook names
 *   only the record id; the complaint is tracked to 结案 whatever becomes of its case);
 * - `unknownComplaint`: the case carries a tixi key this intake has no complaint for (another
 *   process's case); registering it again would make a second complaint of one;
 * - `alreadyRegistered`: the creation of a case tixi has already taken in (a late or second report);
 * - `inStep`: the case already shows what tixi holds in every field that changed;
 * - `finished`: the case of a finished complaint was deleted; tixi keeps its record;
 * - `notFollowed`: only things tixi does not follow changed (associations, merges, the portal's
 *   own fields).
 */
export type HostChangeIgnored =
  | "tixiWrite"
  | "notACase"
  | "notTakenIn"
  | "gone"
  | "unknownComplaint"
  | "alreadyRegistered"
  | "inStep"
  | "finished"
  | "notFollowed"

/**
 * What tixi does with one change made on the host:
 * - `register`: a case staff opened becomes a complaint (its `Register` command takes the case
 *   over through `hostRecordId`);
 * - `command`: a staff edit the process has a command for (closing the case → `Close`, opening a
 *   closed one again → `Reopen`); when the decider refuses it, the case is put back (`restore`);
 * - `restore`: a staff edit tixi overrides; writing `draft` puts the case back as tixi holds it;
 * - `ignore`: nothing to do, and why.
 */
export type HostChangeDecision =
  | {
      readonly kind: "register"
      readonly complaintId: string
      readonly command: Unstamped<Register>
    }
  | {
      readonly kind: "command"
      readonly complaintId: string
      readonly command: Unstamped<Close> | Unstamped<Reopen>
      /** The case as tixi holds it, to write back if the command is refused. */
      readonly restore: CaseDraft
    }
  | {
      readonly kind: "restore"
      readonly complaintId: string
      readonly draft: CaseDraft
      /** What staff changed that tixi puts back: `stage`, `priority`, `subject`, field names. */
      readonly overridden: ReadonlyArray<string>
    }
  | { readonly kind: "ignore"; readonly reason: HostChangeIgnored; readonly complaintId?: string }

/** One change to decide on, with what the caller read about it. */
export interface HostChangeInput {
  readonly change: HostChange
  /** The case as the host holds it now; undefined when it is gone (deleted, or not readable). */
  readonly hostCase: HostCase | undefined
  /** tixi's complaint for the case, when there is one. */
  readonly complaint: ComplaintState | undefined
  /** The customer of the case (by its `customerKey`), when the host has it. */
  readonly customer: HostCustomer | undefined
  /** Who acts: the member of staff behind the change when known, the intake's actor otherwise. */
  readonly actor: Actor
  /** Now: the registration may not be received later than it is made. */
  readonly at: Instant
}

/** How changes are taken in: the complaint numbering, which cases, and the registration defaults. */
export interface HostChangeRules {
  /**
   * The number (受理编号) of a complaint taken in from this case. Called once per registration
   * attempt; a numbering derived from the case (its record id) keeps a retried intake on the
   * same number, a sequence leaves a gap when the registration is refused.
   */
  readonly complaintIdOf: (hostCase: HostCase) => string
  /** Which cases staff open become complaints (default: all; HubSpot: tixi's pipeline only). */
  readonly takesIn?: (hostCase: HostCase) => boolean
  readonly defaults?: HostRegistrationDefaults
}

const closedInCrm = "在 CRM 中结案 / Closed in the CRM"
const reopenedInCrm = "在 CRM 中重新打开 / Reopened in the CRM"

/** The core case attributes a change report names, besides tixi's field names. */
const caseAttributes = new Set(["stage", "status", "priority", "subject", "description"])

/** Whether a host value shows the value tixi wrote: empty equals empty, numbers and yes/no as text too. */
export function sameHostValue(
  written: HostFieldValue | undefined,
  held: HostFieldValue | undefined,
): boolean {
  const empty = (value: HostFieldValue | undefined) => value === null || value === undefined || value === ""
  if (empty(written) || empty(held)) return empty(written) && empty(held)
  if (written === held) return true
  if (typeof written === "number") return Number(held) === written
  if (typeof written === "boolean") return String(held) === String(written)
  if (typeof held === "number" || typeof held === "boolean") return String(held) === written
  // Multi-choice values are `;`-joined; hosts may return them in another order.
  if (written.includes(";") || held.includes(";"))
    return [...written.split(";")].sort().join(";") === [...held.split(";")].sort().join(";")
  return false
}

/**
 * The complaint case's date-time fields. Hosts keep date-times to different precisions (Salesforce
 * DateTime fields drop milliseconds, HubSpot keeps them), and tixi's instants carry milliseconds,
 * so these compare within a second.
 */
const instantFields: ReadonlySet<string> = new Set(
  complaintCaseFields.filter((spec) => spec.type === "dateTime").map((spec) => spec.name),
)

/** Whether a host's date-time shows the instant tixi wrote, kept or cut or rounded to the second. */
export function sameHostInstant(
  written: HostFieldValue | undefined,
  held: HostFieldValue | undefined,
): boolean {
  if (typeof written !== "number" || (typeof held !== "number" && typeof held !== "string"))
    return sameHostValue(written, held)
  const instant = typeof held === "number" ? held : /^-?\d+$/.test(held) ? Number(held) : Date.parse(held)
  return Number.isFinite(instant) && Math.abs(written - instant) < 1000
}

/** What differs between the case on the host and the case tixi holds, among `names` (all when empty). */
export function caseDifferences(
  hostCase: HostCase,
  draft: CaseDraft,
  names: ReadonlyArray<string>,
): ReadonlyArray<string> {
  const all = names.length === 0
  const wanted = (name: string) => all || names.includes(name)
  const differences: Array<string> = []
  if (
    (wanted("stage") || wanted("status")) &&
    (hostCase.stage !== draft.stage || hostCase.status !== draft.status)
  )
    differences.push("stage")
  if (wanted("priority") && hostCase.priority !== draft.priority) differences.push("priority")
  if (wanted("subject") && hostCase.subject !== draft.subject) differences.push("subject")
  if (wanted("description") && hostCase.description.trim() !== draft.description.trim())
    differences.push("description")
  for (const [name, value] of Object.entries(draft.fields)) {
    const same = instantFields.has(name) ? sameHostInstant : sameHostValue
    if (wanted(name) && !same(value, hostCase.fields[name])) differences.push(name)
  }
  return differences
}

/**
 * Decides what one change made on the host means for tixi's complaints (pure: no I/O, the caller
 * reads the case, the complaint and the customer first). The rules, and why:
 *
 * - tixi's own writes are ignored, so they never come back as commands (no echo loops).
 * - A case staff opened that tixi has not taken in (it still carries the host's `host:` key and no
 *   complaint is known for it) is registered, whether the change is its creation or a later edit:
 *   a registration refused for a missing customer is tried again when staff fix the case.
 * - Closing the case (a CLOSED stage) is honoured as `Close` (结案 by the member of staff, under
 *   the policy's role rule); opening a closed case again as `Reopen`. The decider decides: closing
 *   a complaint that is not resolved is refused, and the case is put back.
 * - Every other edit of what tixi writes is overridden: the stage (the process, not the pipeline,
 *   moves the complaint on), the priority (the urgency fixed the service level at registration;
 *   the process has no command to change it), subject and description (the registered content),
 *   and tixi's own fields (deadlines, breach flags, escalation level are computed, not entered).
 *   The case is written back as tixi holds it; that write is tixi's and ends there.
 * - A deleted case of a complaint still open is written again (the complaint is tracked until
 *   结案 whatever happens to the ticket); of a finished one it is left deleted.
 * - Associations, merges and the portal's own fields are not tixi's and are ignored.
 */
export function decideHostChange(input: HostChangeInput, rules: HostChangeRules): HostChangeDecision {
  const { change, hostCase, complaint } = input
  if (change.origin === "tixi") return { kind: "ignore", reason: "tixiWrite" }
  if (change.object !== "case") return { kind: "ignore", reason: "notACase" }
  if (complaint === undefined || complaint.stage === "new") {
    if (hostCase === undefined || change.changeType === "deleted") return { kind: "ignore", reason: "gone" }
    if (!isUnkeyedCaseKey(hostCase.externalKey) || change.externalKey !== undefined)
      return { kind: "ignore", reason: "unknownComplaint" }
    if (!(rules.takesIn?.(hostCase) ?? true)) return { kind: "ignore", reason: "notTakenIn" }
    const complaintId = rules.complaintIdOf(hostCase)
    const receivedAt = change.changeType === "created" ? Math.min(change.occurredAt, input.at) : undefined
    return {
      kind: "register",
      complaintId,
      command: {
        type: "Register",
        complaintId,
        actor: input.actor,
        registration: registrationOfHostCase(
          hostCase,
          input.customer,
          receivedAt,
          rules.defaults ?? defaultHostRegistrationDefaults,
        ),
        hostRecordId: hostCase.id,
      },
    }
  }
  const complaintId = complaint.complaintId
  const draft = caseDraftOf(complaint)
  if (hostCase === undefined || change.changeType === "deleted") {
    if (isComplaintFinished(complaint)) return { kind: "ignore", reason: "finished", complaintId }
    return { kind: "restore", complaintId, draft, overridden: ["deleted"] }
  }
  if (change.changeType === "created") return { kind: "ignore", reason: "alreadyRegistered", complaintId }
  const followed = change.changedFields.filter(
    (name) => caseAttributes.has(name) || Object.hasOwn(draft.fields, name),
  )
  if (change.changedFields.length > 0 && followed.length === 0)
    return { kind: "ignore", reason: "notFollowed", complaintId }
  const differences = caseDifferences(hostCase, draft, followed)
  if (differences.length === 0) return { kind: "ignore", reason: "inStep", complaintId }
  if (differences.includes("stage")) {
    if (hostCase.status === "closed" && draft.status === "open")
      return {
        kind: "command",
        complaintId,
        command: { type: "Close", actor: input.actor, summary: closedInCrm },
        restore: draft,
      }
    if (hostCase.status === "open" && draft.status === "closed")
      return {
        kind: "command",
        complaintId,
        command: { type: "Reopen", actor: input.actor, reason: reopenedInCrm },
        restore: draft,
      }
  }
  return { kind: "restore", complaintId, draft, overridden: differences }
}
