// Credit grades and a credit-limit override on Salesforce.
//
//   node --conditions=@tixi/source examples/salesforce-credit/src/main.ts
//
// Without SALESFORCE_* variables it runs against the adapter's fake org on 127.0.0.1, where the
// approvers approve at once. With SALESFORCE_CLIENT_ID / SALESFORCE_USERNAME /
// SALESFORCE_PRIVATE_KEY(_FILE) (or SALESFORCE_ACCESS_TOKEN + SALESFORCE_INSTANCE_URL) and
// SALESFORCE_USERS (JSON: tixi person → User Id) it runs against that org; define the Approval
// Processes named below in Setup first (see README.md).
import { fileURLToPath } from "node:url"
import {
  approverField,
  make,
  type SalesforceSettings,
  settingsFromEnvironment,
} from "@tixi/adapter-salesforce"
import {
  type FakeSalesforce,
  fakeOrgSettings,
  startFakeSalesforceServer,
} from "@tixi/adapter-salesforce/fake"
import { Effect } from "effect"
import { type CreditExampleResult, runCreditExample } from "./run-credit-example.ts"

/** The Approval Processes a credit-limit override runs as, by chain shape. */
export const overrideProcesses = [{ name: "Tixi_Credit_Override", steps: ["any", "all"] as const }]

const approvalSettings: Pick<SalesforceSettings, "approvalProcesses"> = {
  approvalProcesses: {
    "credit.limitOverride": { object: "Account", processes: overrideProcesses, approversPerStep: 2 },
  },
}

/** Defines the override process in the fake org, as an administrator would in Setup. */
const defineProcesses = (fake: FakeSalesforce) => {
  for (const process of overrideProcesses) {
    fake.org.defineApprovalProcess({
      name: process.name,
      object: "Account",
      steps: process.steps.map((mode, step) => ({
        name: `Step_${step + 1}`,
        approverFields: [approverField(step, 0), approverField(step, 1)],
        unanimous: mode === "all",
      })),
    })
  }
}

/** Runs the example; against the fake org unless the environment names a real one. */
export async function main(
  log: (line: string) => void = console.log,
  environment = process.env,
): Promise<CreditExampleResult> {
  const real =
    environment.SALESFORCE_CLIENT_ID !== undefined || environment.SALESFORCE_ACCESS_TOKEN !== undefined
  if (real) {
    const settings = await Effect.runPromise(settingsFromEnvironment(approvalSettings))
    const adapter = await Effect.runPromise(make(settings))
    log(`running against ${settings.loginUrl ?? "https://login.salesforce.com"}`)
    return Effect.runPromise(runCreditExample(adapter, log))
  }
  const served = await startFakeSalesforceServer()
  try {
    log(`running against the fake org at ${served.url} (set SALESFORCE_* to use a real org)`)
    defineProcesses(served.fake)
    const adapter = await Effect.runPromise(make(fakeOrgSettings(served.fake, approvalSettings)))
    const result = await Effect.runPromise(runCreditExample(adapter, log))
    // In the fake org the approvers act at once: 钱经理 for step 1, then both of step 2.
    served.fake.staff.decide(result.override.id, "manager-qian@tixi.example", "Approve", "客户回款记录良好")
    served.fake.staff.decide(result.override.id, "finance-zhou@tixi.example", "Approve")
    served.fake.staff.decide(result.override.id, "director-li@tixi.example", "Approve", "同意，限本单")
    const outcomes = await Effect.runPromise(adapter.pollApprovalOutcomes(undefined))
    for (const event of outcomes.events)
      log(`approval ${event.approvalId} ${event.outcome} by ${event.decidedBy}: ${event.comment ?? ""}`)
    const decided = await Effect.runPromise(adapter.approvals.get(result.override.id))
    const usage = await Effect.runPromise(adapter.usage)
    log(`API calls used: ${usage?.used ?? 0} of ${usage?.max ?? "?"}`)
    return { ...result, override: decided }
  } finally {
    await served.close()
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 1
  })
}
