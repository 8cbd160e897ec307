import { processPointer } from "../../handbook/process-pointers.ts"
import { label } from "../../labels/label.ts"
import type { PostDescription } from "../post-description.ts"

const developmentModules: PostDescription["needToKnow"] = ["development", "information"]

/** 004 ch.2 §1 客户调查主管的岗位职责. */
export const researchSupervisor: PostDescription = {
  post: "researchSupervisor",
  source: "004 ch.2 §1",
  rank: "supervisor",
  department: "customerService",
  reportsTo: "serviceManager",
  duties: [
    label(
      "制定公司客户调查总体规划、年度计划和费用预算，经公司批准后组织实施",
      "Draw up the survey programme, annual plan and budget; run them once approved",
    ),
    label(
      "制定公司客户调查的详细工作规程和细则，并监督各部门和人员按程序作业",
      "Write the survey procedures and see that everyone follows them",
    ),
    label(
      "负责客户调查项目的组织和实施，并提出调研报告供领导和有关部门决策参考",
      "Organise survey projects and report findings for decisions",
    ),
    label(
      "筛选专业调研机构，保持正常联络，对委托调查项目进行协调、督促、验收",
      "Select research agencies and coordinate, chase and accept their work",
    ),
    label(
      "筛选合格的调查人员，并对其业务进行培训、指导，对工作业绩进行考核",
      "Select, train, guide and appraise surveyors",
    ),
    label(
      "采取各种措施，在各个质量控制点进行监控，确保调查结果的质量和可信度",
      "Monitor each quality checkpoint so results are sound and credible",
    ),
    label(
      "接受公司各部门的客户与市场信息咨询，或主动提供定期的信息服务",
      "Answer departments' questions on customers and markets; publish regular briefs",
    ),
    label(
      "对相关客户资料进行收集、整理、归类建档，确定客户资料的密级，并妥善保管",
      "File customer data, set its confidentiality level (密级) and keep it safe",
    ),
    label(
      "创造条件，推行调查工作和数据处理的信息化",
      "Bring surveys and data processing onto information systems",
    ),
    label("上级领导交办的其他事务", "Other matters superiors assign"),
  ],
  forms: ["credit.investigation", "credit.investigation-summary", "quality.surveyPlan"],
  processes: [
    {
      process: processPointer.creditEvaluation,
      steps: label("组织信用调查", "organises the credit investigation"),
    },
    {
      process: processPointer.satisfactionSurvey,
      steps: label("制定调查计划并审核", "plans the survey and reviews it"),
    },
  ],
  clearance: "secret",
  needToKnow: developmentModules,
}

/** 004 ch.2 §2 客户开发主管的岗位职责. */
export const developmentSupervisor: PostDescription = {
  post: "developmentSupervisor",
  source: "004 ch.2 §2",
  rank: "supervisor",
  department: "customerService",
  reportsTo: "serviceManager",
  duties: [
    label(
      "根据企业发展目标制定客户开发计划、客户开发管理制度并组织实施",
      "Set and run the customer development plan and rules",
    ),
    label(
      "根据企业业务特点确定新客户开发范围，制定客户开发措施",
      "Define which new customers to pursue and how",
    ),
    label("根据实际业务要求，配合客户调查主管做好客户调查工作", "Support the research supervisor's surveys"),
    label(
      "建立客户开发工作流程及操作规范，指导、培训客户开发专员的工作",
      "Set development procedures; guide and train development officers",
    ),
    label(
      "监督、考核客户开发专员的工作，及时发现问题，及时解决",
      "Supervise and appraise development officers; catch and solve problems early",
    ),
    label(
      "建立大客户开发、管理制度，提高企业客户的稳定性",
      "Set key-account development rules that keep customers stable",
    ),
    label(
      "积极拓展客户开发渠道、客户开发策略并组织实施",
      "Open development channels and strategies and run them",
    ),
    label(
      "建立合理的客户开发奖励机制，激发客户开发专员的工作积极性",
      "Set a fair reward scheme that motivates development officers",
    ),
    label(
      "对客户状况、合作前景进行预测，适时提出解决方案",
      "Forecast customers' situation and prospects; propose solutions in time",
    ),
    label(
      "对客户开发专员与客户签订的合同进行审核、审批",
      "Review and approve contracts development officers sign",
    ),
    label("协助完成其他部门需要配合的工作", "Help other departments where they need it"),
    label("完成上级交办的其他事项", "Other matters superiors assign"),
  ],
  forms: ["grading.development-assessment", "approval.visitExpenses"],
  processes: [
    {
      process: processPointer.keyAccountDevelopment,
      steps: label("审批开发方案与合同", "approves the plan and the contract"),
    },
  ],
  clearance: "secret",
  needToKnow: developmentModules,
}

/** 004 ch.2 §3 客户调查专员的岗位职责. */
export const researchOfficer: PostDescription = {
  post: "researchOfficer",
  source: "004 ch.2 §3",
  rank: "officer",
  department: "customerService",
  reportsTo: "researchSupervisor",
  duties: [
    label(
      "协助客户调查主管制定年度客户调查计划，为其提供建议和意见",
      "Help the supervisor draw up the annual survey plan",
    ),
    label(
      "协助客户调查主管制定调查的详细工作流程，并安排人员按要求执行",
      "Help write the survey procedure and assign people to it",
    ),
    label(
      "负责调查项目的内容、调查问卷或客户调查表的编制",
      "Write the survey content, questionnaires and survey forms",
    ),
    label("协助筛选合格的调查员，并对其业务进行培训、指导", "Help select, train and guide surveyors"),
    label("负责客户调查工作的具体实施，协调调查员的工作", "Carry out surveys and coordinate surveyors"),
    label("对调查资料及时进行整理、汇总", "Sort and summarise survey material promptly"),
    label("对调查资料进行归类、分析、建档，并妥善保管", "Classify, analyse, file and keep survey material"),
    label(
      "协助客户调查主管撰写《客户调查报告》，为其提供数据支持",
      "Help write the customer survey report with the data",
    ),
    label(
      "做好《客户调查报告》的存档，必要时向相关部门分发",
      "File the survey report and circulate it where needed",
    ),
    label("完成上级领导交办的其他事务", "Other matters superiors assign"),
  ],
  forms: ["credit.investigation", "quality.serviceQualitySurvey"],
  processes: [
    {
      process: processPointer.creditEvaluation,
      steps: label("实施信用调查", "carries out the credit investigation"),
    },
    {
      process: processPointer.satisfactionSurvey,
      steps: label("实施调查、汇总问卷", "runs the survey and collects responses"),
    },
  ],
  // Talks to customers, whose personal data (a natural person's phone and address) is 秘密.
  clearance: "secret",
  needToKnow: developmentModules,
}

/** 004 ch.2 §4 客户开发专员的岗位职责. */
export const developmentOfficer: PostDescription = {
  post: "developmentOfficer",
  source: "004 ch.2 §4",
  rank: "officer",
  department: "customerService",
  reportsTo: "developmentSupervisor",
  duties: [
    label(
      "协助客户开发主管制定客户开发计划，并提出合理化建议",
      "Help the supervisor plan development and suggest improvements",
    ),
    label(
      "根据企业客户范围定位，积极寻找潜在客户",
      "Look for prospects within the company's target customers",
    ),
    label(
      "潜在客户资料的收集、整理，建立自己的客户资料档案，以便于开发工作",
      "Gather prospect data into one's own customer file",
    ),
    label("制定针对每一位客户的开发策略并有效实施", "Set and carry out a strategy for each customer"),
    label(
      "对潜在客户定期拜访、维护关系,以便增进相互之间的了解",
      "Visit prospects regularly to build mutual understanding",
    ),
    label(
      "与客户进行合作谈判，确定合作的各项条款，直到签订合作合同并实施管理",
      "Negotiate terms through to a signed contract and manage it",
    ),
    label(
      "认真履行合同、落实承诺，加深合作",
      "Perform the contract and keep promises, deepening cooperation",
    ),
    label("积极开发新客户，拓展客户开发渠道", "Win new customers and open new channels"),
    label("不断总结工作经验，提出合理化建议", "Learn from experience and suggest improvements"),
    label("完成上级交办的其他工作", "Other work superiors assign"),
  ],
  forms: ["grading.development-assessment", "approval.visitExpenses"],
  processes: [
    {
      process: processPointer.keyAccountDevelopment,
      steps: label("拜访、谈判、签约", "visits, negotiates and signs"),
    },
  ],
  // Talks to customers, whose personal data (a natural person's phone and address) is 秘密.
  clearance: "secret",
  needToKnow: ["development"],
}
