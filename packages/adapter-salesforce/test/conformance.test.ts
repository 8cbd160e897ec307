import { defineBoundApprovalProcesses } from "@tixi/adapter-salesforce/fake"
import { hostRecordId } from "@tixi/core"
import { approvalsSuite, directorySuite, hostCrmSuite, sampleCompany } from "@tixi/testing"
import { Effect } from "effect"
import { companyDirectoryLayer } from "./support/company-org.ts"
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

const remedyBinding = {
  object: "Case",
  processes: [
    { name: "Tixi_Remedy_Any", steps: ["any"] as const },
    { name: "Tixi_Remedy_All", steps: ["all"] as const },
    { name: "Tixi_Remedy_All_Any", steps: ["all", "any"] as const },
  ],
}

approvalsSuite("Salesforce Approval Processes (fake org)", {
  layer: () =>
    fakeOrgLayer({
      settings: { approvalProcesses: { "complaint.remedy": remedyBinding } },
      install: [],
      setup: (fake) => {
        defineBoundApprovalProcesses(fake, remedyBinding)
        fake.staff.create("Case", { Subject: "包装破损", Tixi_Key__c: "TS-20260105-0001" })
      },
    }),
  decide: (id, approver, outcome) =>
    Effect.map(CurrentFakeOrg, (fake) =>
      fake.staff.decide(id, `${approver}@tixi.example`, outcome === "approved" ? "Approve" : "Reject"),
    ),
})

directorySuite(
  "Salesforce users, roles and permission sets (fake org)",
  {
    layer: (company) => companyDirectoryLayer(company),
    mapped: (mapping) => companyDirectoryLayer(sampleCompany, mapping),
  },
  sampleCompany,
)
