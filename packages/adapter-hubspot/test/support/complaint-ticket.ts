import { HostCrm } from "@tixi/core"
import type { FakeHubSpotPortal } from "@tixi/testing/hubspot"
import { Effect } from "effect"
import type { HubSpotAdapter } from "../../src/index.ts"

/** The customer both complaint tests use, as tixi keeps it in the portal. */
export const complaintCustomer = {
  externalKey: "CUST-0001",
  kind: "organization",
  name: "华东机电有限公司",
  fields: {},
} as const

/** The ticket pipeline tixi installed, and its stage ids by label. */
export const tixiPipelineOf = (portal: FakeHubSpotPortal, adapter: HubSpotAdapter) => {
  const pipeline = portal.store
    .ticketPipelines()
    .find((candidate) => candidate.label === adapter.settings.pipelineLabel["zh-CN"])!
  return {
    id: pipeline.id,
    stageId: (label: string) => pipeline.stages.find((stage) => stage.label === label)!.id,
  }
}

/**
 * What a member of staff does in HubSpot in both complaint tests: gives the customer's company a
 * phone, opens a complaint ticket in tixi's pipeline on it (HubSpot delivers its webhook twice),
 * and opens the IT desk's ticket in the portal's own pipeline, which is no complaint. Run it after
 * tixi has written the customer (`complaintCustomer`).
 */
export const staffOpenComplaintTicket = (portal: FakeHubSpotPortal, adapter: HubSpotAdapter) => {
  const company = portal.list("companies")[0]!
  const staff = portal.staff()
  const pipeline = tixiPipelineOf(portal, adapter)
  staff.update("companies", company.id, { phone: "021-6288 1234", city: "上海" })
  portal.webhooks.duplicateNext()
  const opened = staff.create("tickets", {
    subject: "三台电机外壳破损",
    content: "客户来电：到货的三台电机外壳破损，要求更换。",
    hs_pipeline: pipeline.id,
    hs_pipeline_stage: pipeline.stageId("已登记"),
    hs_ticket_priority: "HIGH",
  })
  staff.associate("tickets", opened.id, "companies", company.id)
  const other = staff.create("tickets", { subject: "打印机卡纸", hs_pipeline: "0", hs_pipeline_stage: "1" })
  return { opened, other }
}

/** tixi writes the complaint's customer to the portal, as grading would. */
export const writeComplaintCustomer = Effect.flatMap(HostCrm, (host) =>
  host.upsertCustomers([complaintCustomer]),
)
