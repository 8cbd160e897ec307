import { isComplaintCase, type SalesforceAdapterService } from "@tixi/adapter-salesforce"
import type { FakeSalesforce } from "@tixi/adapter-salesforce/fake"
import {
  Complaints,
  chinaMainlandCalendar,
  type EffectPorts,
  type HostCase,
  type HostChange,
  HostCrm,
  hostRecordId,
  makeInMemoryRunner,
} from "@tixi/core"
import { deskOfficer as officer, ownSideHandling, type ShiftedClock } from "@tixi/testing"
import { Effect, type ManagedRuntime, Result } from "effect"

/** Runs effects on the example's ports. */
type Run = ManagedRuntime.ManagedRuntime<EffectPorts, never>["runPromise"]

/** What the complaint scene did, for the example's test. */
export interface ComplaintSceneResult {
  readonly complaintId: string
  readonly stage: string
  /** The complaint's Case as tixi reads it at the end. */
  readonly case: HostCase
  /** tixi's own writes the org reported back, and how many of them became commands. */
  readonly echoes: number
  readonly commands: number
}

const at = (value: unknown) => (typeof value === "number" ? new Date(value).toISOString() : "—")

/** The core's complaint intake on Salesforce: Cases staff give a 投诉类型 become complaints. */
const intakeOf = (runner: ReturnType<typeof makeComplaintRunner>) =>
  Complaints.makeComplaintHostIntake(runner, {
    // The handbook's 受理编号 would come from your numbering; this one is derived from the Case,
    // so taking the same Case in again lands on the same complaint.
    complaintIdOf: (hostCase) => `TS-SF-${hostCase.id}`,
    takesIn: isComplaintCase,
    intakeActor: officer,
  })
const makeComplaintRunner = () =>
  makeInMemoryRunner(Complaints.complaintProcess({ calendar: chinaMainlandCalendar() }))

/** Prints what staff see on the Case: its status and the complaint's deadline and escalation. */
const showCase = async (run: Run, id: string, log: (line: string) => void) => {
  const found = await run(Effect.flatMap(HostCrm, (host) => host.getCase(hostRecordId(id))))
  log(
    `  Case ${found.id}: ${found.externalKey}, status ${found.status} (stage ${found.stage}), ` +
      `first response due ${at(found.fields.complaint_first_response_due_at)}, ` +
      `escalation level ${found.fields.complaint_escalation_level}`,
  )
  return found
}

/** Installs the complaint case's fields on Case (plan counted first). */
const installComplaintFields = async (
  run: Run,
  adapter: SalesforceAdapterService,
  log: (line: string) => void,
) => {
  const plan = await run(adapter.install(Complaints.complaintCaseFields, { dryRun: true }))
  await run(adapter.install(Complaints.complaintCaseFields, { dryRun: false }))
  const created = plan.fields.filter((step) => step.action !== "unchanged").length
  log(`installed the complaint case: ${created} of ${plan.fields.length} Case fields written`)
}

/**
 * A complaint from the Case a member of staff opens, on the fake org: the change comes in by
 * polling (the adapter's default), the core's intake registers the complaint on that Case, the
 * first-response deadline passes and the Case shows the escalation (IsEscalated too), tixi
 * handles the complaint to 结案 and the Case gets a closed status; tixi's own writes come back as
 * tixi's and none becomes a command.
 */
export async function complaintSceneOnFake(
  run: Run,
  adapter: SalesforceAdapterService,
  fake: FakeSalesforce,
  time: ShiftedClock,
  log: (line: string) => void,
): Promise<ComplaintSceneResult> {
  await installComplaintFields(run, adapter, log)
  const runner = makeComplaintRunner()
  const intake = intakeOf(runner)
  const later = () => run(time.advanceTo(time.now() + 5_000))
  let cursor = (await run(adapter.hostCrm.pollChanges(undefined, 2_000))).cursor
  const takeIn = async () => {
    const page = await run(adapter.hostCrm.pollChanges(cursor, 2_000))
    cursor = page.cursor
    return run(intake.handle(page.changes))
  }

  const account = fake.org.records("Account").find((row) => row.Tixi_Key__c === "C-1001")!
  await later()
  fake.staff.update("Account", String(account.Id), { Phone: "021-6288 1234", BillingCity: "上海" })
  const caseId = fake.staff.create("Case", {
    Subject: "三台电机外壳破损",
    Description: "客户来电：到货的三台电机外壳破损，要求更换。",
    Priority: "High",
    Origin: "Phone",
    AccountId: account.Id,
    Tixi_Complaint_Type__c: "product",
  })
  log(`staff open Case ${caseId} "三台电机外壳破损" for ${account.Name}, 投诉类型 商品`)
  await later()
  let complaintId = ""
  for (const outcome of await takeIn()) {
    if (outcome.change.object !== "case") continue
    if (outcome.kind === "registered") complaintId = outcome.complaintId
    log(
      `  Case ${outcome.change.recordId} → ${outcome.kind}${"complaintId" in outcome ? ` ${outcome.complaintId}` : ""}`,
    )
  }
  if (complaintId === "") throw new Error("the Case was not taken in")
  await showCase(run, caseId, log)

  // Nobody answers the customer in time: the first-response deadline passes and it escalates.
  for (let step = 0; step < 20 && runner.instance(complaintId)!.state.escalationLevel < 1; step++)
    await run(runner.advanceTo(runner.nextDeadlineAt()!, time.advanceTo))
  log(`${new Date(time.now()).toISOString()}: the first-response deadline has passed`)
  await showCase(run, caseId, log)
  log(`  IsEscalated: ${fake.org.findById(caseId)!.record.IsEscalated}`)

  for (const command of ownSideHandling(officer)) {
    await run(time.advanceTo(time.now() + 3_600_000))
    const outcome = await run(runner.dispatch(complaintId, command))
    if (Result.isFailure(outcome)) throw new Error(`${command.type} refused: ${outcome.failure.message}`)
  }
  log(
    `tixi handled ${complaintId} to 结案 (${ownSideHandling(officer)
      .map((command) => command.type)
      .join(" → ")})`,
  )
  const closed = await showCase(run, caseId, log)
  log(
    `  Status ${fake.org.findById(caseId)!.record.Status}, resolved ${at(closed.fields.complaint_resolved_at)}`,
  )

  await later()
  const echoes = await takeIn()
  const commands = echoes.filter((outcome) => outcome.kind !== "ignored").length
  log(`Salesforce reported ${echoes.length} change(s) of tixi's own; ${commands} became commands`)
  return {
    complaintId,
    stage: runner.instance(complaintId)!.state.stage,
    case: closed,
    echoes: echoes.length,
    commands,
  }
}

/**
 * On a real org: the Case a member of staff opened (give it a 投诉类型) becomes a complaint on that
 * Case, and the Case shows the complaint's deadline. The poll (or Change Data Capture) would report
 * the Case's creation; here you name it.
 */
export async function complaintSceneOnOrg(
  run: Run,
  adapter: SalesforceAdapterService,
  caseId: string,
  log: (line: string) => void,
): Promise<ComplaintSceneResult | undefined> {
  await installComplaintFields(run, adapter, log)
  const opened = await run(Effect.flatMap(HostCrm, (host) => host.getCase(hostRecordId(caseId))))
  const change: HostChange = {
    changeId: `example:${opened.id}`,
    object: "case",
    recordId: opened.id,
    externalKey: undefined,
    changeType: "created",
    changedFields: [],
    occurredAt: opened.updatedAt,
    origin: "host",
  }
  const runner = makeComplaintRunner()
  const [outcome] = await run(intakeOf(runner).handle([change]))
  if (outcome === undefined || outcome.kind !== "registered") {
    log(`Case ${caseId} not taken in: ${JSON.stringify(outcome)}`)
    return undefined
  }
  log(`Case ${caseId} → complaint ${outcome.complaintId} registered on that Case`)
  const shown = await showCase(run, caseId, log)
  return {
    complaintId: outcome.complaintId,
    stage: runner.instance(outcome.complaintId)!.state.stage,
    case: shown,
    echoes: 0,
    commands: 0,
  }
}
