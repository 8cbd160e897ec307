import { processPointer } from "../../handbook/process-pointers.ts"
import { label } from "../../labels/label.ts"
import type { PostDescription } from "../post-description.ts"

/** 004 ch.3 §1 客户关系主管的岗位职责 (the printed page places 职责 2's second half and 职责 6–8 out of order; read in order here). */
export const relationshipSupervisor: PostDescription = {
  post: "relationshipSupervisor",
  source: "004 ch.3 §1",
  rank: "supervisor",
  department: "customerService",
  reportsTo: "serviceManager",
  duties: [
    label(
      "负责建立有关客户关系管理的各项制度，制定客户关系维护及管理计划",
      "Set relationship-management rules and the maintenance plan",
    ),
    label(
      "组织、监督客户关系管理的各项制度的实施，并对相关人员进行考核",
      "Run and supervise those rules and appraise the staff concerned",
    ),
    label(
      "准备和实施相关政策、预算和目标，建立和发展新客户关系",
      "Prepare and apply policies, budgets and targets; build new relationships",
    ),
    label(
      "保持和发展适当的数据，对客户关系维护及管理做出计划和分析",
      "Keep the data that relationship plans and analysis need",
    ),
    label(
      "对客户关系做出合理的评价，为售后客户服务工作提供指导",
      "Evaluate relationships and guide after-sales service by it",
    ),
    label(
      "组织安排客户拜访和接待等事宜，控制客户接待费用",
      "Organise visits and hospitality and control hospitality costs",
    ),
    label(
      "培训和支持客户关系专员，指导下属工作并实施考核",
      "Train, support, guide and appraise relationship officers",
    ),
    label("完成客户服务部经理交办的其他工作", "Other work the manager assigns"),
  ],
  forms: [
    "grading.relationship-evaluation",
    "grading.service-plan",
    "approval.gift",
    "approval.hospitalityMeal",
  ],
  processes: [
    {
      process: processPointer.relationshipMaintenance,
      steps: label("制定维护计划并审核", "plans maintenance and reviews it"),
    },
  ],
  clearance: "secret",
  needToKnow: ["relationships", "development"],
}

/** 004 ch.3 §2 客户关系专员的岗位职责. */
export const relationshipOfficer: PostDescription = {
  post: "relationshipOfficer",
  source: "004 ch.3 §2",
  rank: "officer",
  department: "customerService",
  reportsTo: "relationshipSupervisor",
  duties: [
    label(
      "协助客户关系主管制定客户关系管理的各项制度，为制度的合理性提供数据支持",
      "Help set relationship rules and supply the data behind them",
    ),
    label(
      "对客户需求信息资料进行统计分析，提出改善客户关系的具体建议和措施",
      "Analyse customer needs and propose concrete improvements",
    ),
    label(
      "根据客户关系主管的安排和计划，开展客户拜访活动，巩固公司与客户的关系",
      "Visit customers as planned to strengthen the relationship",
    ),
    label(
      "接待来访客户，协助处理客户提出的一般问题、要求，巩固公司与客户的关系",
      "Receive visiting customers and help with their ordinary requests",
    ),
    label(
      "在拜访和接待过程中，了解客户对企业的满意程度及评价，为企业决策提供依据",
      "Learn customers' satisfaction during visits, to inform decisions",
    ),
    label("完成客户关系主管临时交办的其他工作事项", "Other work the supervisor assigns"),
  ],
  forms: [
    "grading.relationship-evaluation",
    "approval.gift",
    "approval.hospitalityMeal",
    "approval.visitExpenses",
  ],
  processes: [
    {
      process: processPointer.relationshipMaintenance,
      steps: label("拜访与接待", "visits and receives customers"),
    },
  ],
  // Talks to customers, whose personal data (a natural person's phone and address) is 秘密.
  clearance: "secret",
  needToKnow: ["relationships"],
}
