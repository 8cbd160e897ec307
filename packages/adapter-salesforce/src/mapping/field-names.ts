import { createHash } from "node:crypto"

/**
 * The Salesforce API name of a tixi field: `complaint_urgency` → `Tixi_Complaint_Urgency__c`,
 * `creditLimit` → `Tixi_Credit_Limit__c`. Field names are at most 40 characters before `__c`, may
 * not hold double underscores or end in one; a longer name is cut and given a short hash so two
 * long names never collide.
 */
// https://help.salesforce.com/s/articleView?id=sf.custom_field_attributes.htm
export function customFieldName(tixiName: string): string {
  const words = tixiName
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word.length > 0)
    .map((word) => word[0]!.toUpperCase() + word.slice(1).toLowerCase())
  let name = ["Tixi", ...words].join("_")
  if (name.length > 40) {
    const hash = createHash("sha256").update(tixiName).digest("hex").slice(0, 6)
    name = `${name.slice(0, 33).replace(/_+$/, "")}_${hash}`
  }
  return `${name}__c`
}

/** tixi's name for a `Tixi_…__c` field that tixi did not map explicitly: `Tixi_Credit_Grade__c` → `credit_grade`. */
export function tixiNameOf(apiName: string): string | undefined {
  const match = /^Tixi_(.+)__c$/i.exec(apiName)
  return match ? match[1]!.toLowerCase() : undefined
}
