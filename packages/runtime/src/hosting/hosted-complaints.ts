import { hostChangeEventType } from "@tixi/adapter-kit"
import { Complaints, type HostChange, type PortFailure } from "@tixi/core"
import { Effect, Result } from "effect"
import type { HostedProcess, ProcessInstances, Reception } from "../engine/hosted-process.ts"
import { hostProcess } from "../engine/hosted-process.ts"
import type { CommandInput } from "../engine/process-runtime.ts"
import { describeRefusal } from "../engine/turn-record.ts"
import { routeApprovalOutcomes } from "./approval-outcome-route.ts"

/** How the runtime hosts the complaint process. */
export interface HostedComplaintsOptions {
  /**
   * Take in the cases staff open and edit in the CRM (`host.change` events from a webhook source
   * or a change feed), with the core's host intake and these rules. Without it, complaints are
   * registered only by commands sent to the runtime.
   */
  readonly hostIntake?: Complaints.ComplaintHostIntakeOptions | undefined
}

/** What the intake did with one change, as the intake's record of the event says it. */
const receptionOf = (outcome: Complaints.HostIntakeOutcome): Reception => {
  switch (outcome.kind) {
    case "registered":
      return { instanceId: outcome.complaintId, detail: "registered" }
    case "dispatched":
      return { instanceId: outcome.complaintId, detail: `dispatched ${outcome.command}` }
    case "refused":
      return {
        instanceId: outcome.complaintId,
        detail: `refused ${outcome.command} (${outcome.refusal.message})${outcome.restored ? ", case put back" : ""}`,
      }
    case "restored":
      return { instanceId: outcome.complaintId, detail: `put back ${outcome.overridden.join(", ")}` }
    case "ignored":
      return { instanceId: outcome.complaintId, detail: `ignored (${outcome.reason})` }
    case "failed":
      return { detail: `failed (${outcome.error.message})` }
  }
}

/**
 * A refusal as the intake reports it. The embedded engine hands back the decider's own value;
 * the cluster engine one decoded from storage, which has lost its `message` getter.
 */
const asRefusal = (refusal: unknown): Complaints.ComplaintRefusal => {
  const held = refusal as Complaints.ComplaintRefusal
  return typeof held?.message === "string" && held.message.length > 0
    ? held
    : ({ ...held, message: describeRefusal(refusal) } as Complaints.ComplaintRefusal)
}

/** The core's host intake over the runtime's instances: reads and dispatches go to storage. */
const intakeOver = (instances: ProcessInstances, options: Complaints.ComplaintHostIntakeOptions) =>
  Complaints.makeComplaintHostIntake(
    {
      // A storage failure is not the intake's to judge: it fails the delivery round, which the
      // intake's delivery takes again a second later, and the decision is made again from state.
      instance: (complaintId) =>
        instances.inspect(complaintId).pipe(
          Effect.map((view) =>
            view === undefined ? undefined : { state: view.state as Complaints.ComplaintState },
          ),
          Effect.orDie,
        ),
      dispatch: (complaintId, command) =>
        instances.dispatch(complaintId, command as unknown as CommandInput).pipe(
          Effect.map((turn) =>
            turn.outcome === "refused" ? Result.fail(asRefusal(turn.refusal)) : Result.succeed(turn),
          ),
          Effect.orDie,
        ),
    },
    options,
  )

/**
 * The core's complaint process as the runtime hosts it, taking in the two kinds of event a
 * company's tools send about complaints:
 * - `approval.outcome` (an approval decided in DingTalk, WeCom or Salesforce) becomes the remedy
 *   decision of the complaint its business key names;
 * - `host.change` (a case opened or edited in HubSpot or Salesforce), with `hostIntake`, is read
 *   from the host and taken in by the core's intake: registered as a complaint, dispatched as the
 *   command the edit means, put back when tixi overrides it, or ignored (tixi's own writes).
 *
 * A change delivered again (a crash before the intake marked it) is decided again from the
 * complaint's state, which already shows it: it is ignored as in step, not applied twice. A
 * retryable host failure leaves the change to be delivered again.
 */
export function hostComplaints(
  definition: Complaints.ComplaintProcess,
  options: HostedComplaintsOptions = {},
): HostedProcess<Complaints.ComplaintProcess> {
  const intakeOptions = options.hostIntake
  // One intake per runtime hosting it (the runtime hands each the same view for its life): it
  // remembers which host records complaints were registered from until their cases carry the
  // complaint's number.
  const intakes = new WeakMap<ProcessInstances, ReturnType<typeof intakeOver>>()
  return hostProcess(definition, {
    route: routeApprovalOutcomes(Complaints.remedyApprovalCommand),
    receive:
      intakeOptions === undefined
        ? undefined
        : (event, instances) =>
            Effect.gen(function* () {
              if (event.type !== hostChangeEventType) return undefined
              let intake = intakes.get(instances)
              if (intake === undefined) {
                intake = intakeOver(instances, intakeOptions)
                intakes.set(instances, intake)
              }
              const outcomes = yield* intake.handle([event.payload as HostChange])
              const retryable = outcomes.find(
                (outcome): outcome is Extract<Complaints.HostIntakeOutcome, { kind: "failed" }> =>
                  outcome.kind === "failed" && outcome.error.isRetryable,
              )
              if (retryable !== undefined) return yield* Effect.fail<PortFailure>(retryable.error)
              return outcomes.map(receptionOf)
            }),
  })
}
