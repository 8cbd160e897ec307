import { label } from "../../labels/label.ts"
import type { FieldSpec, HostFields } from "../../ports/host-crm.ts"
import { AbcClass } from "../labels/abc-class.ts"
import { CustomerGrade } from "../labels/customer-grade.ts"
import { SalesBand } from "../labels/sales-band.ts"
import { ServiceTier } from "../labels/service-tier.ts"

const options = <Value extends string>(
  values: ReadonlyArray<Value>,
  labels: { readonly [K in Value]: ReturnType<typeof label> },
) => values.map((value) => ({ value, label: labels[value] }))

/**
 * The customer fields grading keeps on the host (HubSpot company properties, Salesforce Account
 * fields), for `HostCrm.ensureFields` at install time; the grading run's policy version beside
 * them says which rules gave them.
 */
export const gradingFieldSpecs: ReadonlyArray<FieldSpec> = [
  {
    object: "customer",
    name: "abc_class",
    label: label("ABC 分类", "ABC class"),
    type: "choice",
    options: options(AbcClass.values, AbcClass.labels),
  },
  {
    object: "customer",
    name: "sales_band",
    label: label("销售额等级", "Sales band"),
    type: "choice",
    options: options(SalesBand.values, SalesBand.labels),
  },
  {
    object: "customer",
    name: "customer_grade",
    label: label("客户等级", "Customer grade"),
    type: "choice",
    options: options(CustomerGrade.values, CustomerGrade.labels),
  },
  {
    object: "customer",
    name: "composite_score",
    label: label("综合评价得分", "Composite score"),
    type: "number",
  },
  {
    object: "customer",
    name: "service_tier",
    label: label("服务层级", "Service tier"),
    type: "choice",
    options: options(ServiceTier.values, ServiceTier.labels),
  },
  {
    object: "customer",
    name: "grading_policy_version",
    label: label("分级制度版本", "Grading policy version"),
    type: "text",
  },
]

/** The host field values of one customer's grading. */
export function gradingHostFields(
  grading: {
    readonly abc: { readonly class: AbcClass }
    readonly salesBand: { readonly band: SalesBand }
    readonly composite: { readonly grade: CustomerGrade; readonly score: number }
    readonly serviceTier: ServiceTier
  },
  policyVersion: string,
): HostFields {
  return {
    abc_class: grading.abc.class,
    sales_band: grading.salesBand.band,
    customer_grade: grading.composite.grade,
    composite_score: grading.composite.score,
    service_tier: grading.serviceTier,
    grading_policy_version: policyVersion,
  }
}
