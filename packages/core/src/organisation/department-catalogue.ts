import { type Label, label } from "../labels/label.ts"
import type { Department } from "./department.ts"

/**
 * A department's duties (职责) and powers (权力). 004 ch.1 §3–§4 list them for the 客户服务部; the
 * other departments get one line from the chapters that name them, so a planning view can map
 * work onto every department the posts sit in.
 */
export interface DepartmentDescription {
  readonly department: Department
  readonly source: string
  readonly duties: ReadonlyArray<Label>
  readonly powers: ReadonlyArray<Label>
}

const customerService: DepartmentDescription = {
  department: "customerService",
  source: "004 ch.1 §3–§4",
  duties: [
    label(
      "制定客户服务工作的各项制度，包括各类服务操作流程、岗位责任制度、客户服务人员考勤制度等，以便于操作执行和监督检查",
      "Set the rules of service work (procedures, post responsibilities, attendance) so they can be applied and checked",
    ),
    label(
      "制定客户服务标准、业务标准和流程标准，规范客户服务工作，为客户提供优质服务，提高客户满意度，塑造企业形象",
      "Set service, business and process standards for quality service, satisfaction and the company's image",
    ),
    label(
      "客户资料库的建立和完善，保证客户资料完整、信息准确，客户信用信息及时、有效，防止客户信息泄露",
      "Build the customer database: complete, accurate, current credit information, and no leaks",
    ),
    label(
      "以客户为中心的服务管理，巩固和增进与客户的合作关系，同时使企业准确把握和快速响应客户的个性化需求，提高客户的忠诚度，提高运营效率和利润收益",
      "Customer-centred management that strengthens cooperation, answers individual needs quickly and raises loyalty, efficiency and profit",
    ),
    label(
      "客户投诉处理和监督检查，及时发现问题，总结经验教训，从而达到完善服务管理机制、改进服务工作流程、提高服务效率和工作水平的目的",
      "Handle and oversee complaints, learning from them to improve service management, procedures and efficiency",
    ),
    label(
      "围绕产品销售过程开展配套的售后服务工作，进行客户需求调查并反馈给相关部门以改进工作；认真接待客户来信、来电、来访提出的问题，处理及时、公正",
      "Provide after-sales service around sales, survey needs for other departments, and answer letters, calls and visits promptly and fairly",
    ),
    label(
      "向社会做出产品和服务的承诺，从而方便客户监督和投诉，塑造企业良好的社会形象",
      "Publish product and service commitments customers can hold the company to",
    ),
    label(
      "围绕公司销售目标，拟写客户开发计划，制定大客户管理策略并组织实施",
      "Draft the customer development plan and the key-account strategy towards the sales targets",
    ),
    label(
      "客户分析与行为调查，为企业制定科学的销售策略、服务策略提供支持",
      "Analyse customers and their behaviour to support sales and service strategy",
    ),
    label("其他相关职责", "Other related duties"),
  ],
  powers: [
    label(
      "有权参与公司营销政策的制定，并提出相应建议",
      "Take part in setting marketing policy and make proposals",
    ),
    label(
      "有权参与年度、季度、月度营销计划的制定，并提出意见和建议",
      "Take part in annual, quarterly and monthly marketing plans",
    ),
    label(
      "有权对破坏客户关系的行为和过失提请处罚",
      "Propose penalties for acts and faults that damage customer relationships",
    ),
    label("有对客户服务部内部组织机构建立、员工考核的权力", "Organise the department and appraise its staff"),
    label(
      "有对各办事处或区域销售经理、销售人员考核的参与权",
      "Take part in appraising regional offices, sales managers and salespeople",
    ),
    label(
      "有对客户服务部门内部员工聘任、解聘的建议权",
      "Propose hiring and dismissal of the department's staff",
    ),
    label("有要求相关部门配合相关工作的权力", "Require other departments' cooperation"),
    label("有在客户服务部内部工作开展的自主权", "Run the department's own work autonomously"),
    label("其他相关权力", "Other related powers"),
  ],
}

/** The departments' duties and powers, keyed by department. */
export const departmentCatalogue: Readonly<Record<Department, DepartmentDescription>> = {
  customerService,
  keyAccounts: {
    department: "keyAccounts",
    source: "004 ch.4 (derived)",
    duties: [
      label(
        "开发与维护大客户，对大客户部市场业绩负责",
        "Develop and keep key accounts; answer for the key-account market results",
      ),
    ],
    powers: [],
  },
  afterSales: {
    department: "afterSales",
    source: "004 ch.5 (derived)",
    duties: [
      label(
        "提供售后服务，受理客户抱怨与投诉",
        "Provide after-sales service; take grievances and complaints",
      ),
    ],
    powers: [],
  },
  callCenter: {
    department: "callCenter",
    source: "004 ch.8 (derived)",
    duties: [
      label(
        "经营呼入与呼出业务，为客户提供即时服务",
        "Run inbound and outbound calls; serve customers at once",
      ),
    ],
    powers: [],
  },
  finance: {
    department: "finance",
    source: "004 ch.6 (derived)",
    duties: [label("对赔偿与赊销给出财务意见", "Give the finance opinion on remedies and credit")],
    powers: [],
  },
  executive: {
    department: "executive",
    source: "004 approval charts (derived)",
    duties: [label("对重大事项作出最终批示", "Give final rulings on major matters")],
    powers: [],
  },
}
