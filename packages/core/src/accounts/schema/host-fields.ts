import { label } from "../../labels/label.ts"
import type { FieldSpec } from "../../ports/host-crm.ts"
import { ValueQuadrant } from "../labels/value-quadrant.ts"

/**
 * The customer fields the key-account flows keep on the host (HubSpot company properties,
 * Salesforce Account fields), for `HostCrm.ensureFields` at install time: whether and since when
 * a customer is a key account and which screening or development made it one, its value-matrix
 * quadrant, and its file's region, officer and last update.
 */
export const keyAccountFieldSpecs: ReadonlyArray<FieldSpec> = [
  { object: "customer", name: "key_account", label: label("大客户", "Key account"), type: "boolean" },
  {
    object: "customer",
    name: "key_account_since",
    label: label("成为大客户时间", "Key account since"),
    type: "dateTime",
  },
  {
    object: "customer",
    name: "key_account_screening",
    label: label("大客户筛选编号", "Screening"),
    type: "text",
  },
  {
    object: "customer",
    name: "key_account_development",
    label: label("大客户开发编号", "Development"),
    type: "text",
  },
  {
    object: "customer",
    name: "key_account_quadrant",
    label: label("价值矩阵象限", "Value quadrant"),
    type: "choice",
    options: ValueQuadrant.values.map((value) => ({ value, label: ValueQuadrant.labels[value] })),
  },
  {
    object: "customer",
    name: "key_account_region",
    label: label("大客户地区", "Key account region"),
    type: "text",
  },
  {
    object: "customer",
    name: "key_account_officer",
    label: label("大客户专员", "Key account officer"),
    type: "text",
  },
  {
    object: "customer",
    name: "key_account_file_updated_at",
    label: label("大客户档案更新时间", "Key account file updated"),
    type: "dateTime",
  },
]
