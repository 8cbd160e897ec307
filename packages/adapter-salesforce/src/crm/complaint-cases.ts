import { Complaints, type HostCase } from "@tixi/core"

/**
 * Whether a Case staff opened is a complaint for tixi to take in: staff chose its 投诉类型
 * (`Tixi_Complaint_Type__c`). Cases of every kind share one object in Salesforce (a printer jam
 * beside a broken delivery), so this is the `takesIn` of the core's complaint intake on Salesforce,
 * as the ticket pipeline is on HubSpot. A company that marks complaints otherwise (a record type,
 * a Type value mapped through `fieldMap`) passes its own predicate.
 */
export const isComplaintCase = (hostCase: HostCase): boolean => {
  const type = hostCase.fields[Complaints.complaintFieldNames.type]
  return typeof type === "string" && type !== ""
}
