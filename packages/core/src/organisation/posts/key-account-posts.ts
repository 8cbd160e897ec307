import { processPointer } from "../../handbook/process-pointers.ts"
import { label } from "../../labels/label.ts"
import type { PostDescription } from "../post-description.ts"

/** 004 ch.4 §1 大客户主管的岗位职责. */
export const keyAccountSupervisor: PostDescription = {
  post: "keyAccountSupervisor",
  source: "004 ch.4 §1",
  rank: "supervisor",
  department: "keyAccounts",
  reportsTo: "serviceManager",
  duties: [
    label("拟订公司对外客户拓展计划", "Draft the company's customer expansion plan"),
    label("负责公司大客户市场开发", "Develop the key-account market"),
    label("落实合作项目，签订合作协议", "Secure cooperation projects and sign agreements"),
    label("大客户关系的维护", "Maintain key-account relationships"),
    label("对大客户进行统计分析", "Analyse key accounts statistically"),
    label(
      "处理与大客户的意见分歧，提高大客户满意度",
      "Settle disagreements with key accounts and raise their satisfaction",
    ),
    label("管理大客户开发团队，提高大客户开发效率", "Manage the key-account team and its efficiency"),
    label("协调与市场部、营销部等各部门之间的关系", "Coordinate with marketing, sales and other departments"),
    label("对大客户部市场业绩进行考核", "Appraise the key-accounts department's market results"),
    label("完成其他随时交办的事项", "Other matters assigned"),
  ],
  forms: [
    "accounts.key-account-analysis",
    "accounts.key-account-assessment",
    "accounts.key-account-monthly-report",
    "accounts.maintenance-plan",
    "accounts.service-strategy",
    "accounts.officer-scorecard",
  ],
  processes: [
    {
      process: processPointer.keyAccountScreening,
      steps: label("审定大客户名单", "approves the key-account list"),
    },
    {
      process: processPointer.keyAccountDevelopment,
      steps: label("审批开发方案", "approves the development plan"),
    },
    {
      process: processPointer.keyAccountMaintenance,
      steps: label("审核维护计划与总结", "reviews the maintenance plan and summary"),
    },
    { process: processPointer.keyAccountService, steps: label("制定服务策略", "sets the service strategy") },
  ],
  clearance: "secret",
  needToKnow: ["keyAccounts", "relationships", "credit"],
}

/** 004 ch.4 §2 大客户专员的岗位职责. */
export const keyAccountOfficer: PostDescription = {
  post: "keyAccountOfficer",
  source: "004 ch.4 §2",
  rank: "officer",
  department: "keyAccounts",
  reportsTo: "keyAccountSupervisor",
  duties: [
    label("对潜在大客户进行调查分析", "Investigate and analyse prospective key accounts"),
    label("在分析的基础上，对潜在大客户进行开发", "Develop prospective key accounts on that analysis"),
    label("适时对公司现有大客户进行回访", "Revisit existing key accounts in good time"),
    label("对公司现有大客户资料进行统计分析", "Analyse existing key-account data"),
    label("定期维护大客户关系", "Maintain key-account relationships regularly"),
    label(
      "协调公司与大客户之间的关系，提高大客户满意度",
      "Coordinate between the company and key accounts; raise satisfaction",
    ),
    label("处理大客户投诉", "Handle key-account complaints"),
    label(
      "定期召开大客户会议，协调各方面关系，激励大客户",
      "Hold regular key-account meetings to coordinate and motivate",
    ),
    label("撰写《大客户管理报告》", "Write the key-account management report"),
    label("完成主管交待的其他任务", "Other tasks the supervisor assigns"),
  ],
  forms: [
    "accounts.key-account-file",
    "accounts.key-account-support",
    "accounts.maintenance-summary",
    "accounts.revisit-report",
    "accounts.service-review",
  ],
  processes: [
    { process: processPointer.keyAccountRevisit, steps: label("回访并提交回访报告", "revisits and reports") },
    {
      process: processPointer.keyAccountMaintenance,
      steps: label("执行维护并总结", "maintains and summarises"),
    },
    {
      process: processPointer.keyAccountDevelopment,
      steps: label("调查与开发", "investigates and develops"),
    },
  ],
  // Talks to customers, whose personal data (a natural person's phone and address) is 秘密.
  clearance: "secret",
  needToKnow: ["keyAccounts"],
}
