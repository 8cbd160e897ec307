import { label } from "../../labels/label.ts"
import type { FieldSpec, HostFields } from "../../ports/host-crm.ts"
import { OutboundPurpose } from "../labels/outbound-call-labels.ts"

/**
 * The customer fields the call centre keeps on the host (HubSpot company properties, Salesforce
 * Account fields), for `HostCrm.ensureFields` at install time: what an outbound call found the
 * customer interested in (呼出业务管理流程 ④ 有兴趣 → 输入客户资料), so sales see it on the record.
 */
export const callCentreFieldSpecs: ReadonlyArray<FieldSpec> = [
  {
    object: "customer",
    name: "callcenter_outbound_interest",
    label: label("呼出意向", "Outbound interest"),
    type: "choice",
    options: OutboundPurpose.values.map((value) => ({ value, label: OutboundPurpose.labels[value] })),
  },
  {
    object: "customer",
    name: "callcenter_outbound_campaign",
    label: label("呼出活动", "Outbound campaign"),
    type: "text",
  },
]

/** The host field values of an interested customer: what they are interested in, from which campaign. */
export function outboundInterestFields(purpose: OutboundPurpose, campaignId: string): HostFields {
  return { callcenter_outbound_interest: purpose, callcenter_outbound_campaign: campaignId }
}
