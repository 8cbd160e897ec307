import type { AccessModule } from "./access-module.ts"
import type { ConfidentialityLevel } from "./confidentiality-level.ts"

/**
 * The level a module's fields carry unless a field says otherwise, from the handbooks. 004 ch.7
 * §14 ⑤ and §17 ① have the customer information officer classify every item of customer
 * information (确定密级, 划分密级) before it circulates, and 004 ch.8 binds every agent to keep
 * customer data and the company's business secrets (商业机密及客户数据) confidential; so nothing
 * about a customer is public by default:
 * - customer finance, credit (the 客户信用调查表 and 客户信用分析表 read a customer's accounts,
 *   debts and its managers' private lives) and the customer file (法人/自然人客户信息资料表, the
 *   personal information of natural persons under the PIPL) are 秘密;
 * - grading, key-account figures, complaints, relationships, after-sales, call records, quality
 *   and the department's own plans are 内部: staff need them to serve the customer, outsiders do
 *   not;
 * - customer research and development works on prospects' public and purchased data, yet its
 *   screening of whom to pursue is the company's own, so 内部 as well.
 * A field that differs (a natural person's telephone on a complaint, a loss amount) says so on
 * the field; a company raises or lowers any of them by `AccessPolicy`.
 */
export const moduleDefaultLevel: { readonly [M in AccessModule]: ConfidentialityLevel } = {
  organisation: "internal",
  development: "internal",
  relationships: "internal",
  grading: "internal",
  keyAccounts: "internal",
  afterSales: "internal",
  complaints: "internal",
  information: "secret",
  callCentre: "internal",
  credit: "secret",
  finance: "secret",
  quality: "internal",
}
