import type { PortFailure } from "@tixi/core"
import { type Effect, Schema } from "effect"

/** A webhook or callback request exactly as it arrived, before anything has parsed it. */
export interface IntakeRequest {
  readonly method: string
  readonly url: URL
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string | undefined>>
  /** The raw body: signatures are computed over these bytes, never over re-serialised JSON. */
  readonly body: Uint8Array
  /** When the request arrived (epoch milliseconds, from the runtime's clock). */
  readonly receivedAt: number
}

/** One event a source found in a verified request. */
export interface VerifiedEvent {
  /** The vendor's event id: with the source name it identifies the event for de-duplication. */
  readonly id: string
  /** What kind of event it is, e.g. `approval.outcome`, `host.change`. */
  readonly type: string
  readonly payload: unknown
}

/** The answer a vendor expects once its events are stored (some want a specific body). */
export interface IntakeResponse {
  readonly status: number
  readonly headers?: Readonly<Record<string, string>> | undefined
  readonly body: string
}

/** What a source makes of a request it accepts: its events and, when the vendor needs one, the answer. */
export interface VerifiedDelivery {
  readonly events: ReadonlyArray<VerifiedEvent>
  /** The acknowledgement; by default `200 {"ok":true,…}`. A URL-verification handshake has no events and answers here. */
  readonly response?: IntakeResponse | undefined
}

/** Why a request was refused; `forged` and `replayed` never reach storage. */
export const IntakeRejectionReason = Schema.Literals(["forged", "replayed", "malformed", "unsupported"])
/** Why a request was refused. */
export type IntakeRejectionReason = typeof IntakeRejectionReason.Type

/** A source refused a request. The intake answers 401 (forged, replayed), 400 (malformed) or 415 (unsupported). */
export class IntakeRejected extends Schema.TaggedError<IntakeRejected>()("IntakeRejected", {
  reason: IntakeRejectionReason,
  detail: Schema.String,
}) {
  override get message(): string {
    return `${this.reason}: ${this.detail}`
  }
}

/**
 * A vendor's webhook or callback endpoint as the intake serves it (`@tixi/runtime`'s intake
 * server, or an embedder's own). Adapters implement one per vendor (DingTalk, HubSpot, WeCom): `verify` checks the signature (and decrypts) on the raw
 * body and returns the events; the intake does everything else the same way for all of them —
 * durable storage before the acknowledgement, de-duplication by (source, event id), delivery to
 * the process instances.
 */
export interface IntakeSource {
  /** The source's name, e.g. `dingtalk`; part of every event's identity. */
  readonly name: string
  /** The path it is served at, e.g. `/hooks/dingtalk`. */
  readonly path: string
  /** How soon the vendor wants an answer (DingTalk 1,500 ms, HubSpot 5,000 ms); slower answers are logged. */
  readonly acknowledgeWithinMillis: number
  readonly verify: (request: IntakeRequest) => Effect.Effect<VerifiedDelivery, IntakeRejected>
  /**
   * Turns a stored event into the events processes route, when that needs the vendor (the
   * approval a DingTalk push names must be read to learn tixi's references). It runs when the
   * event is delivered, after the acknowledgement, so the vendor's deadline never waits on it; a
   * retryable failure leaves the event to be delivered again, any other failure is recorded on it.
   * Without it, events are routed as stored.
   */
  readonly translate?:
    | ((event: VerifiedEvent) => Effect.Effect<ReadonlyArray<VerifiedEvent>, PortFailure>)
    | undefined
}
