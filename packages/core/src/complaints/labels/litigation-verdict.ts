import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/** How litigation (诉讼程序) ended. */
export const LitigationVerdict = enumeration("complaint.litigationVerdict", {
  forCompany: label("判决公司胜诉", "Decided for the company"),
  forCustomer: label("判决客户胜诉", "Decided for the customer"),
  settled: label("调解结案", "Settled"),
})

/** How litigation ended. */
export type LitigationVerdict = ValueOf<typeof LitigationVerdict>
