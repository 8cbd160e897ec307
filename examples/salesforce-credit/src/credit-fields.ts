import { Credit, type FieldSpec, label } from "@tixi/core"

/**
 * The Account fields the example installs: the credit module's own (grade, limit, payment term and
 * method, guarantee, score) and the exposure the credit desk reads before releasing an order.
 */
export const creditFields: ReadonlyArray<FieldSpec> = [
  ...Credit.creditFieldSpecs,
  {
    object: "customer",
    name: "credit_exposure",
    label: label("信用占用", "Credit exposure"),
    description: label("应收账款加未发货订单", "Receivables plus open orders"),
    type: "money",
  },
]
