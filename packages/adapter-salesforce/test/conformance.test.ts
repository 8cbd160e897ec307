import { hostRecordId } from "@tixi/core"
import { approvalsSuite, hostCrmSuite } from "@tixi/testing"
import { Effect } from "effect"
import { CurrentFakeOrg, fakeOrgLayer, suiteFields, useMsw } from "./support/fake-org-harness.ts"

useMsw()

hostCrmSuite("Salesforce (fake org)", {
  // A real org has tixi's fields once installed; the fields case starts from an org without them.
  layer: (caseName) =>
    fakeOrgLayer({
      install: caseName === "fields.ensure plans, applies and is idempotent" ? [] : suiteFields,
    }),
  staffOpensCase: (subject) =>
    Effect.map(CurrentFakeOrg, (fake) =>
      hostRecordId(fake.staff.create("Case", { Subject: subject, Description: subject, Origin: "Phone" })),
    ),
})

const remedyProcesses = [
  { name: "Tixi_Remedy_Any", steps: ["any"] as const },
  { name: "Tixi_Remedy_All", steps: ["all"] as const },
  { name: "Tixi_Remedy_All_Any", steps: ["all", "any"] as const },
]

approvalsSuite("Salesforce Approval Processes (fake org)", {
  layer: () =>
    fakeOrgLayer({
      settings: { approvalProcesses: { "complaint.remedy": { object: "Case", processes: remedyProcesses } } },
      install: [],
      setup: (fake) => {
        for (const process of remedyProcesses) {
          fake.org.defineApprovalProcess({
            name: process.name,
            object: "Case",
            steps: process.steps.map((mode, step) => ({
              name: `Step_${step + 1}`,
              approverFields: [1, 2, 3, 4, 5].map((slot) => `Tixi_Approver_S${step + 1}_${slot}__c`),
              unanimous: mode === "all",
            })),
          })
        }
        fake.staff.create("Case", { Subject: "包装破损", Tixi_Key__c: "TS-20260105-0001" })
      },
    }),
  decide: (id, approver, outcome) =>
    Effect.map(CurrentFakeOrg, (fake) =>
      fake.staff.decide(id, `${approver}@tixi.example`, outcome === "approved" ? "Approve" : "Reject"),
    ),
})
