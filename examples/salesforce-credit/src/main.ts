// Credit grades and a credit-limit override on Salesforce, then a complaint from a Case.
//
//   node --conditions=@tixi/source examples/salesforce-credit/src/main.ts [--wait <seconds>] [--case <Case Id>]
//
// Without SALESFORCE_* variables it runs against the adapter's fake org on 127.0.0.1: the
// override's Approval Process is decided there by 钱经理 and 周会计, and a member of staff opens a
// Case that becomes a complaint. With SALESFORCE_CLIENT_ID / SALESFORCE_USERNAME /
// SALESFORCE_PRIVATE_KEY(_FILE) (or SALESFORCE_ACCESS_TOKEN + SALESFORCE_INSTANCE_URL) and
// SALESFORCE_USERS (JSON: tixi person → User Id) it runs against that org: define the Approval
// Processes first (README.md), approve in Salesforce, and run again (or pass --wait) to see the
// order released; --case takes in a Case you opened there.
import { fileURLToPath } from "node:url"
import { make, type SalesforceAdapterService, settingsFromEnvironment } from "@tixi/adapter-salesforce"
import {
  defineBoundApprovalProcesses,
  fakeOrgSettings,
  startFakeSalesforceServer,
} from "@tixi/adapter-salesforce/fake"
import {
  type ApprovalRecord,
  Approvals,
  type Credit,
  HostCrm,
  inMemoryDirectoryLayer,
  makeInMemoryNotifier,
  Notifier,
} from "@tixi/core"
import { makeShiftedClock, sampleCompany } from "@tixi/testing"
import { Clock, Effect, Layer, ManagedRuntime } from "effect"
import { type ComplaintSceneResult, complaintSceneOnFake, complaintSceneOnOrg } from "./complaint-scene.ts"
import {
  approvalSettings,
  creditScene,
  heldOrder,
  makeOverrideRunner,
  overrideBinding,
  takeDecisions,
} from "./credit-scene.ts"

/** What the example did, for its test. */
export interface CreditExampleResult {
  readonly installed: ReadonlyArray<string>
  readonly graded: number
  readonly failed: number
  /** Where the held order's override stands, and its Salesforce approval as tixi reads it. */
  readonly override: { readonly status: Credit.CreditOverrideStatus; readonly approval: ApprovalRecord }
  /** Events the override recorded when its decision was delivered a second time (none). */
  readonly recordedOnRedelivery: number
  readonly complaint: ComplaintSceneResult | undefined
}

/** How the example runs. */
export interface ExampleOptions {
  /** On a real org: how long to poll for the approvers' decision (default: one poll). */
  readonly waitSeconds?: number
  /** On a real org: a Case staff opened there (with a 投诉类型), to take in as a complaint. */
  readonly caseId?: string
}

/** The ports the processes run on: the org for HostCrm and Approvals, the rest in memory. */
const portsOf = (adapter: SalesforceAdapterService, clock: Clock.Clock, log: (line: string) => void) => {
  const notifier = makeInMemoryNotifier()
  const service = {
    ...notifier.service,
    notify: (draft: Parameters<typeof notifier.service.notify>[0]) =>
      Effect.tap(notifier.service.notify(draft), (delivered) =>
        Effect.sync(() => log(`notice to ${delivered.recipients.join(", ")}: ${draft.title["zh-CN"]}`)),
      ),
  }
  return Layer.mergeAll(
    Layer.succeed(HostCrm, adapter.hostCrm),
    Layer.succeed(Approvals, adapter.approvals),
    Layer.succeed(Notifier, service),
    inMemoryDirectoryLayer(sampleCompany),
    Layer.succeed(Clock.Clock, clock),
  )
}

/** Runs the example; against the fake org unless the environment names a real one. */
export async function main(
  log: (line: string) => void = console.log,
  environment: NodeJS.ProcessEnv = process.env,
  options: ExampleOptions = {},
): Promise<CreditExampleResult> {
  const real =
    environment.SALESFORCE_CLIENT_ID !== undefined || environment.SALESFORCE_ACCESS_TOKEN !== undefined
  return real ? onOrg(log, options) : onFake(log)
}

/** The fake org: the approvers and a member of staff act in it, and business time is the example's. */
async function onFake(log: (line: string) => void): Promise<CreditExampleResult> {
  const time = makeShiftedClock()
  const served = await startFakeSalesforceServer({ now: time.now })
  const adapter = await Effect.runPromise(make(fakeOrgSettings(served.fake, approvalSettings)))
  const runtime = ManagedRuntime.make(portsOf(adapter, time.clock, log))
  try {
    log(`running against the fake org at ${served.url} (set SALESFORCE_* to use a real org)`)
    defineBoundApprovalProcesses(served.fake, overrideBinding)
    const runner = makeOverrideRunner()
    const credit = await runtime.runPromise(creditScene(adapter, runner, log))
    const { cursor: start } = await runtime.runPromise(adapter.pollApprovalOutcomes(undefined))

    // The approvers decide in Salesforce: 钱经理 for step 1, then 周会计 for step 2.
    await runtime.runPromise(time.advanceTo(time.now() + 3_600_000))
    served.fake.staff.decide(credit.approval.id, "manager-qian@tixi.example", "Approve", "客户回款记录良好")
    log("钱经理 approved step 1 in Salesforce")
    await runtime.runPromise(time.advanceTo(time.now() + 3_600_000))
    served.fake.staff.decide(credit.approval.id, "finance-zhou@tixi.example", "Approve", "同意，限本单")
    log("周会计 approved step 2 in Salesforce")
    await runtime.runPromise(takeDecisions(adapter, runner, start, log))
    // tixi restarted from the cursor it had before: the decision comes again and changes nothing.
    const again = await runtime.runPromise(takeDecisions(adapter, runner, start, log))

    const complaint = await complaintSceneOnFake(runtime.runPromise, adapter, served.fake, time, log)
    const usage = await runtime.runPromise(adapter.usage)
    log(`API calls used: ${usage?.used ?? 0} of ${usage?.max ?? "?"}`)
    return {
      installed: credit.installed,
      graded: credit.graded,
      failed: credit.failed,
      override: {
        status: runner.instance(heldOrder.requestId)!.state.status,
        approval: await runtime.runPromise(adapter.approvals.get(credit.approval.id)),
      },
      recordedOnRedelivery: again.recorded,
      complaint,
    }
  } finally {
    await runtime.dispose()
    await served.close()
  }
}

/** A real org: the approvers decide in Salesforce, in their own time. */
async function onOrg(log: (line: string) => void, options: ExampleOptions): Promise<CreditExampleResult> {
  const settings = await Effect.runPromise(settingsFromEnvironment(approvalSettings))
  const adapter = await Effect.runPromise(make(settings))
  const runtime = ManagedRuntime.make(portsOf(adapter, Clock.Clock.defaultValue(), log))
  try {
    log(`running against ${settings.loginUrl ?? "https://login.salesforce.com"}`)
    // The request is keyed: run again and it finds the approval it opened, decided or not.
    const runner = makeOverrideRunner()
    const credit = await runtime.runPromise(creditScene(adapter, runner, log))
    const deadline = Date.now() + (options.waitSeconds ?? 0) * 1000
    for (;;) {
      await runtime.runPromise(takeDecisions(adapter, runner, undefined, log))
      if (runner.instance(heldOrder.requestId)!.state.status !== "awaitingApproval" || Date.now() >= deadline)
        break
      await new Promise((resolve) => setTimeout(resolve, 10_000))
    }
    const status = runner.instance(heldOrder.requestId)!.state.status
    if (status === "awaitingApproval")
      log(
        `approve ${credit.approval.id} in Salesforce (钱经理, then 周会计) and run again to release the order`,
      )
    const complaint =
      options.caseId === undefined
        ? undefined
        : await complaintSceneOnOrg(runtime.runPromise, adapter, options.caseId, log)
    return {
      installed: credit.installed,
      graded: credit.graded,
      failed: credit.failed,
      override: { status, approval: await runtime.runPromise(adapter.approvals.get(credit.approval.id)) },
      recordedOnRedelivery: 0,
      complaint,
    }
  } finally {
    await runtime.dispose()
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const flag = (name: string) => {
    const at = process.argv.indexOf(name)
    return at > 0 ? process.argv[at + 1] : undefined
  }
  const wait = flag("--wait")
  const caseId = flag("--case")
  main(console.log, process.env, {
    ...(wait === undefined ? {} : { waitSeconds: Number(wait) }),
    ...(caseId === undefined ? {} : { caseId }),
  }).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 1
  })
}
