import { label } from "../../labels/label.ts"
import { defaultAuthorityPolicy } from "../../roles/authority.ts"
import type { ApprovalPolicy, StepPolicy } from "./approval-policy.ts"

const step = (
  id: string,
  zh: string,
  en: string,
  approvers: StepPolicy["approvers"],
  extra: Partial<StepPolicy> = {},
): StepPolicy => ({ id, label: label(zh, en), mode: "any", approvers, ...extra })

const beyondManager = (decision: string) => ({
  kind: "beyondAuthority" as const,
  decision,
  role: "manager" as const,
})

/**
 * The handbooks' approval chains (004's flow charts and forms), in CNY. The chains follow the
 * sign-off boxes of the forms; the amounts are tixi's defaults for "within the manager's
 * authority" and every company sets its own. Conditions are evaluated when a request is
 * submitted, so a host-driven chain still stops at the manager for a small meal.
 */
export const defaultApprovalPolicy: ApprovalPolicy = {
  version: "handbook-2026.1",
  currency: "CNY",
  authority: {
    version: "handbook-2026.1",
    currency: "CNY",
    limits: {
      ...defaultAuthorityPolicy.limits,
      "hospitality.meal": {
        supervisor: 1_000_00,
        manager: 5_000_00,
        director: 20_000_00,
        generalManager: "unlimited",
      },
      "relationship.gift": {
        supervisor: 500_00,
        manager: 2_000_00,
        director: 10_000_00,
        generalManager: "unlimited",
      },
      "visit.expenses": {
        supervisor: 2_000_00,
        manager: 10_000_00,
        director: 50_000_00,
        generalManager: "unlimited",
      },
      "credit.limitOverride": { manager: 50_000_00, director: 200_000_00, generalManager: "unlimited" },
      "receivables.deferredPayment": {
        manager: 100_000_00,
        director: 500_000_00,
        generalManager: "unlimited",
      },
    },
    posts: defaultAuthorityPolicy.posts,
  },
  chains: {
    "complaint.remedy": {
      title: label("投诉补偿审批", "Complaint remedy approval"),
      formId: "approval.complaintRemedy",
      driver: "host",
      source: "004 ch.6 §16 客户投诉接待流程 (权责内? 否 → 审批)",
      steps: [
        step("authorised", "有权审批人", "Authorised approver", [{ authorityFor: "complaint.remedy" }]),
      ],
      deadline: { hours: 24, onExpiry: "remind" },
    },
    "hospitality.meal": {
      title: label("客户招待用餐申请", "Customer hospitality meal request"),
      formId: "approval.hospitalityMeal",
      driver: "host",
      source: "004 ch.3 §17 客户招待申请表, §24 客户招待用餐管理流程",
      steps: [
        step("manager", "客户服务部经理审核", "Customer-service manager", [{ role: "manager" }]),
        step("generalManager", "总经理审核", "General manager", [{ role: "generalManager" }], {
          when: beyondManager("hospitality.meal"),
        }),
        step("finance", "财务部审核", "Finance", [{ role: "finance" }], {
          when: beyondManager("hospitality.meal"),
        }),
      ],
    },
    "relationship.gift": {
      title: label("礼品馈赠申请", "Gift request"),
      formId: "approval.gift",
      driver: "host",
      source: "004 ch.3 §20 礼品馈赠申请表 (部门主管 → 礼品管理人员 → 办公室主任 → 副经理)",
      steps: [
        step("departmentHead", "部门主管", "Department head", [
          { role: "supervisor", scope: "requesterDepartment" },
        ]),
        step("giftKeeper", "礼品管理人员", "Gift keeper", [{ post: "giftKeeper" }]),
        step("officeDirector", "办公室主任", "Office director", [{ post: "officeDirector" }]),
        step("deputyManager", "副经理", "Deputy manager", [{ post: "deputyManager" }]),
      ],
    },
    "visit.expenses": {
      title: label("拜访费用报销", "Visit expense claim"),
      formId: "approval.visitExpenses",
      driver: "host",
      source: "004 ch.3 §22 客户拜访管理流程 (⑩费用报销 审核)",
      steps: [
        step("supervisor", "客户关系主管审核", "Relationship supervisor", [
          { role: "supervisor", scope: "requesterDepartment" },
        ]),
        step("manager", "客户服务部经理审批", "Customer-service manager", [{ role: "manager" }], {
          when: { kind: "beyondAuthority", decision: "visit.expenses", role: "supervisor" },
        }),
        step("finance", "财务部审核", "Finance", [{ role: "finance" }]),
      ],
    },
    "credit.limitOverride": {
      title: label("超信用额度审批", "Credit-limit override"),
      formId: "approval.creditLimitOverride",
      driver: "tixi",
      source: "000 ch.7 资信控制 (an order over the limit needs approval or is blocked)",
      steps: [
        step("manager", "客户服务部经理审批", "Customer-service manager", [{ role: "manager" }], {
          deadline: { hours: 4, onExpiry: "escalate", escalateTo: [{ role: "director" }] },
        }),
        step("finance", "财务部审核", "Finance", [{ role: "finance" }], {
          deadline: { hours: 8, onExpiry: "remind" },
        }),
        step("generalManager", "总经理审批", "General manager", [{ role: "generalManager" }], {
          when: beyondManager("credit.limitOverride"),
        }),
      ],
    },
    "credit.gradeChange": {
      title: label("客户信用等级变更", "Credit-grade change"),
      formId: "approval.creditGradeChange",
      driver: "host",
      source: "004 ch.7 §11 客户信用度变更表, §20 客户信用等级变更流程",
      steps: [step("manager", "客户服务部经理审批", "Customer-service manager", [{ role: "manager" }])],
    },
    "credit.standard": {
      title: label("客户信用等级评定标准和政策", "Credit grading standard and policy"),
      formId: "approval.creditStandard",
      driver: "host",
      source: "004 ch.7 §19 客户信用制度制定流程 (④ → 审批)",
      steps: [step("manager", "客户服务部经理审批", "Customer-service manager", [{ role: "manager" }])],
    },
    "receivables.deferredPayment": {
      title: label("延期付款审批", "Deferred payment"),
      formId: "approval.deferredPayment",
      driver: "host",
      source: "002 ch.9 §9.4 延期付款审核工作流程",
      steps: [
        step("supervisor", "客户信息主管审核", "Supervisor", [{ role: "supervisor" }]),
        step("manager", "客户服务经理审批", "Customer-service manager", [{ role: "manager" }]),
        step("finance", "财务部审核", "Finance", [{ role: "finance" }]),
        step("generalManager", "总经理审批", "General manager", [{ role: "generalManager" }], {
          when: beyondManager("receivables.deferredPayment"),
        }),
      ],
    },
    "archives.lending": {
      title: label("档案借阅申请", "Archive lending request"),
      formId: "approval.archiveLending",
      driver: "host",
      source: "004 ch.7 §16 客户档案管理流程 (②借阅手续 → 审批)",
      steps: [
        step("manager", "客户服务部经理审批", "Customer-service manager", [{ role: "manager" }]),
        step("generalManager", "总经理审批", "General manager", [{ role: "generalManager" }], {
          when: { kind: "fieldEquals", field: "confidentiality", value: "secret" },
        }),
      ],
      deadline: { hours: 48, onExpiry: "remind" },
    },
    "archives.destruction": {
      title: label("档案销毁申请", "Archive destruction request"),
      formId: "approval.archiveDestruction",
      driver: "tixi",
      source: "004 ch.7 §16 客户档案管理流程 (过期销毁 审核 → 审批)",
      steps: [
        step("manager", "客户服务部经理审核", "Customer-service manager", [{ role: "manager" }], {
          deadline: { hours: 72, onExpiry: "remind" },
        }),
        // Nothing is destroyed on silence: an unanswered destruction request is refused.
        step("generalManager", "总经理审批", "General manager", [{ role: "generalManager" }], {
          deadline: { hours: 168, onExpiry: "autoReject" },
        }),
      ],
    },
    "customer.deregistration": {
      title: label("客户注销申请", "Customer deregistration"),
      formId: "approval.customerDeregistration",
      driver: "host",
      source: "004 ch.7 §18 客户注销管理流程 (主管核准 → 经理核准 → 财务退款 → 总经理审批)",
      steps: [
        step("supervisor", "客户信息主管核准", "Information supervisor", [{ role: "supervisor" }]),
        step("manager", "客户服务经理核准", "Customer-service manager", [{ role: "manager" }]),
        step("finance", "财务部审核", "Finance", [{ role: "finance" }]),
        step("generalManager", "总经理审批", "General manager", [{ role: "generalManager" }]),
      ],
    },
  },
  posts: {
    giftKeeper: { label: label("礼品管理人员", "Gift keeper"), holders: [], fallback: { role: "finance" } },
    officeDirector: {
      label: label("办公室主任", "Office director"),
      holders: [],
      fallback: { role: "manager" },
    },
    deputyManager: { label: label("副经理", "Deputy manager"), holders: [], fallback: { role: "director" } },
  },
  delegations: [],
}
