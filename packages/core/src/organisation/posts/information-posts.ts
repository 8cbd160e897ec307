import { processPointer } from "../../handbook/process-pointers.ts"
import { label } from "../../labels/label.ts"
import type { PostDescription } from "../post-description.ts"

/** 004 ch.7 §1 客户信息主管的岗位职责. */
export const informationSupervisor: PostDescription = {
  post: "informationSupervisor",
  source: "004 ch.7 §1",
  rank: "supervisor",
  department: "customerService",
  reportsTo: "serviceManager",
  duties: [
    label(
      "负责客户信息的收集、统计、分析，保证客户信息准确、资料完整",
      "Collect and analyse customer information; keep it accurate and complete",
    ),
    label("负责客户信息管理系统的建立，完善客户信息库", "Build the customer information system and database"),
    label("负责对企业的客户资源进行整理、统计、分析", "Sort and analyse the company's customer base"),
    label("抓好客户档案管理工作", "Keep the customer archives in order"),
    label(
      "制定客户名册管理制度、客户档案的立档、保管、保密制度",
      "Set the rules for the customer register and for filing, keeping and securing archives",
    ),
    label(
      "负责制定客户信用等级评定办法、客户信用限度确定办法",
      "Set how credit grades and credit limits are determined",
    ),
    label("负责制定客户信用状况变化分析办法", "Set how changes in credit standing are analysed"),
    label(
      "参与客户信息专员和客户服务部相关人员的绩效考核",
      "Take part in appraising information officers and related staff",
    ),
    label("完成客户服务部经理交付的其他工作", "Other work the manager assigns"),
  ],
  forms: [
    "approval.archiveLending",
    "approval.archiveDestruction",
    "approval.customerDeregistration",
    "approval.creditStandard",
    "grading.grade-classification",
    "grading.key-customers",
    "grading.sales-bands",
  ],
  processes: [
    {
      process: processPointer.creditStandard,
      steps: label("起草信用等级评定与限度办法", "drafts the credit grading and limit standard"),
    },
    {
      process: processPointer.approval,
      steps: label("审核档案借阅与销毁", "reviews archive lending and destruction"),
    },
  ],
  clearance: "confidential",
  needToKnow: ["information", "credit", "development"],
}

/** 004 ch.7 §2 客户信息专员的岗位职责. */
export const informationOfficer: PostDescription = {
  post: "informationOfficer",
  source: "004 ch.7 §2",
  rank: "officer",
  department: "customerService",
  reportsTo: "informationSupervisor",
  duties: [
    label(
      "对各种客户调查资料的内容、可信度、使用价值等做出初步分析、判断",
      "Make a first judgement of survey material's content, credibility and use",
    ),
    label(
      "在客户信息主管的指导下，具体负责客户信息的归档、立档工作",
      "File customer information under the supervisor's guidance",
    ),
    label(
      "负责客户资料的保管使用、档案保密等具体工作的执行",
      "Keep customer records and their confidentiality day to day",
    ),
    label(
      "协助客户信用主管整理、分析客户信用调查资料",
      "Help the credit supervisor sort and analyse credit investigations",
    ),
    label(
      "按上级评定的信用等级，对客户进行分级、分类管理",
      "Manage customers by the credit grade superiors assign",
    ),
    label("完成客户信息主管安排的其他工作", "Other work the supervisor assigns"),
  ],
  forms: ["grading.grade-classification", "approval.archiveLending"],
  processes: [{ process: processPointer.approval, steps: label("申请档案借阅", "requests archive lending") }],
  clearance: "secret",
  needToKnow: ["information", "credit"],
}
