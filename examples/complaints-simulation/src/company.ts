import { type Department, departmentId, Organisation, type Person, personId, type Role } from "@tixi/core"

const department = (id: string, name: string, parent?: string, head?: string): Department => ({
  id: departmentId(id),
  name,
  parentId: parent === undefined ? undefined : departmentId(parent),
  headId: head === undefined ? undefined : personId(head),
})

const person = (
  id: string,
  name: string,
  roles: ReadonlyArray<Role>,
  inDepartment: string,
  manager?: string,
  posts: ReadonlyArray<Organisation.Post> = [],
): Person => ({
  id: personId(id),
  name,
  roles,
  posts,
  departmentId: departmentId(inDepartment),
  managerId: manager === undefined ? undefined : personId(manager),
  locale: "zh-CN",
  active: true,
  accounts: { dingtalk: `dt-${id}`, hubspot: `hs-${id}` },
})

/**
 * 华东某家电公司 (an appliance maker in East China): the customer-service centre with its
 * complaints desk (eight officers, two supervisors, the 客服经理 and the 客服总监), the general
 * manager, finance, and the departments complaints are traced to.
 */
export const company = {
  departments: [
    department("head-office", "总经理办公室", undefined, "gm-zhao"),
    department("customer-service", "客户服务中心", "head-office", "director-li"),
    department("complaints-desk", "投诉组", "customer-service", "manager-qian"),
    department("after-sales", "售后服务部", "head-office"),
    department("quality", "质量部", "head-office"),
    department("production", "生产部", "head-office"),
    department("logistics", "物流部", "head-office"),
    department("warehouse", "仓储部", "head-office"),
    department("sales", "销售部", "head-office"),
    department("finance", "财务部", "head-office", "finance-zhou"),
  ],
  people: [
    person("gm-zhao", "赵建国", ["generalManager"], "head-office", undefined, ["generalManager"]),
    person("director-li", "李振华", ["director"], "customer-service", "gm-zhao", ["serviceDirector"]),
    person("manager-qian", "钱雅琴", ["manager"], "complaints-desk", "director-li", ["serviceManager"]),
    person("supervisor-sun", "孙丽华", ["supervisor"], "complaints-desk", "manager-qian", [
      "complaintSupervisor",
    ]),
    person("supervisor-zhou", "周振宇", ["supervisor"], "complaints-desk", "manager-qian", [
      "complaintSupervisor",
    ]),
    person("officer-wu", "吴晓燕", ["officer"], "complaints-desk", "supervisor-sun", ["complaintOfficer"]),
    person("officer-zheng", "郑凯", ["officer"], "complaints-desk", "supervisor-sun", ["complaintOfficer"]),
    person("officer-wang", "王芳", ["officer"], "complaints-desk", "supervisor-sun", ["complaintOfficer"]),
    person("officer-feng", "冯磊", ["officer"], "complaints-desk", "supervisor-sun", ["complaintOfficer"]),
    person("officer-chen", "陈静", ["officer"], "complaints-desk", "supervisor-zhou", ["complaintOfficer"]),
    person("officer-chu", "褚明", ["officer"], "complaints-desk", "supervisor-zhou", ["complaintOfficer"]),
    person("officer-wei", "卫婷", ["officer"], "complaints-desk", "supervisor-zhou", ["complaintOfficer"]),
    person("officer-jiang", "蒋涛", ["officer"], "complaints-desk", "supervisor-zhou", ["complaintOfficer"]),
    person("inspector-shen", "沈浩", [], "quality", undefined, ["qualityOfficer"]),
    person("inspector-han", "韩雪", [], "quality", undefined, ["qualityOfficer"]),
    person("finance-zhou", "周慧敏", ["finance"], "finance", "gm-zhao", ["financeManager"]),
    person("finance-yang", "杨帆", ["finance"], "finance", "finance-zhou"),
  ],
}

/** The officers of the complaints desk, who take complaints in turn. */
export const officers = company.people.filter((member) => member.roles.includes("officer"))

/** The quality inspectors who investigate (查证人). */
export const inspectors = company.people.filter((member) => member.departmentId === departmentId("quality"))

/** The first holder of a post. */
export function holderOf(role: Role): Person {
  const holder = company.people.find((member) => member.roles.includes(role))
  if (holder === undefined) throw new Error(`nobody holds ${role}`)
  return holder
}

/** A member of staff's name, for reports. */
export const nameOf = (id: string): string => company.people.find((member) => member.id === id)?.name ?? id

/** A department's name, for reports. */
export const departmentNameOf = (id: string): string =>
  company.departments.find((entry) => entry.id === id)?.name ?? id

/** The English names of the departments, for `--lang en`. */
export const departmentEnglish: Readonly<Record<string, string>> = {
  "head-office": "General management",
  "customer-service": "Customer service centre",
  "complaints-desk": "Complaints desk",
  "after-sales": "After-sales service",
  quality: "Quality",
  production: "Production",
  logistics: "Logistics",
  warehouse: "Warehouse",
  sales: "Sales",
  finance: "Finance",
}

/**
 * The company's organisation: the 中小型企业 chart (one 客服经理, no 客服总监, credit and quality
 * duties merged into the information and complaint posts) under the company's own version. One
 * policy for the flows' authority (`Organisation.withChartAuthority`), the runtime's read paths and
 * the organisation section, as a `tixi.config.ts` would name it (`organisation`).
 */
export const companyOrganisation: Organisation.OrganisationPolicy = {
  ...Organisation.smallEnterpriseOrganisation,
  version: "huadong-2026.1",
}

/** `companyOrganisation` resolved once. */
export const companyChart = Organisation.organisationOf(companyOrganisation)
