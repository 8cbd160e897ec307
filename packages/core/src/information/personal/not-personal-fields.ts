import { type Label, label } from "../../labels/label.ts"

/**
 * Why a field whose name or label reads like a person's data is not a natural person's data, by
 * the form-id prefix or `formId field` it covers: a reviewer checks these reasons, and the
 * personal-data test refuses a look-alike field that neither this list nor the personal lists
 * cover.
 */
export const notPersonalFields: ReadonlyArray<{ readonly covers: string; readonly why: Label }> = [
  {
    covers: "accounts.",
    why: label(
      "大客户是企业客户：单位名称、地址和总机电话是法人信息，不是个人信息（联系人另列为个人信息）",
      "key accounts are companies: their name, address and switchboard are a legal person's data, not personal information (contacts are listed as personal)",
    ),
  },
  {
    covers: "credit.",
    why: label(
      "信用管理的对象是企业客户（法人），其名称、地址和电话不是个人信息",
      "credit management covers company customers (legal persons); their name, address and telephone are not personal information",
    ),
  },
  {
    covers: "approval.creditGradeChange",
    why: label("信用等级变更针对企业客户", "a credit grade change concerns a company customer"),
  },
  {
    covers: "grading.",
    why: label(
      "客户分级按企业客户的销售与利润排序，名称与地址是单位的",
      "customer grading ranks company customers by sales and margin; names and addresses are the company's",
    ),
  },
  {
    covers: "approval.gift gifts.name",
    why: label("礼品名称，不是人名", "the gift's name, not a person's"),
  },
]
