import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/**
 * The measures of 大客户关系维护流程 (004 ch.4 §12) ③–⑧: a plan chooses those it commits to, and
 * its summary (⑨) cannot be written while one of them is not yet carried out.
 */
export const MaintenanceMeasure = enumeration("accounts.maintenanceMeasure", {
  salesIncentives: label("③建立销售激励机制", "③ Sales incentives"),
  serviceCapability: label("④提升整体服务能力", "④ Better service overall"),
  informationSystem: label("⑤建立大客户信息管理系统", "⑤ Key-account information system"),
  communicationSystem: label("⑥建立沟通体系", "⑥ Channels of communication"),
  strategicAlliance: label("⑦建立战略联盟", "⑦ Strategic alliance"),
  consultativeSelling: label("⑧顾问式销售行动", "⑧ Consultative selling"),
})

/** A measure of relationship maintenance. */
export type MaintenanceMeasure = ValueOf<typeof MaintenanceMeasure>
