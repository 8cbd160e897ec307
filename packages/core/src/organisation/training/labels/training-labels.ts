import { enumeration, type ValueOf } from "../../../labels/enumeration.ts"
import { label } from "../../../labels/label.ts"

/** Where a training need comes from: the quadrant's B and D people, quality findings, new staff. */
export const TrainingNeedSource = enumeration("organisation.trainingNeedSource", {
  quadrantB: label("B 象限：能力待提升", "Quadrant B: ability"),
  quadrantD: label("D 象限：培训与鉴定", "Quadrant D: retrain"),
  qualityFinding: label("服务质量检查发现", "Quality finding"),
  induction: label("新员工入职", "New staff"),
  request: label("部门申请", "Department request"),
})
/** A source of a training need. */
export type TrainingNeedSource = ValueOf<typeof TrainingNeedSource>

/**
 * What a course teaches: 001 图1-2 (产品知识 and beyond: 行业知识, 服务技巧, 市场环境分析) and the
 * parts of 002 3.4's induction (公司介绍, 服务标准, 系统操作, 跟岗实习, 入职考核).
 */
export const TrainingTopic = enumeration("organisation.trainingTopic", {
  companyIntroduction: label("公司介绍", "Company introduction"),
  product: label("产品知识", "Product knowledge"),
  serviceStandards: label("服务标准", "Service standards"),
  systems: label("系统操作", "Systems"),
  shadowing: label("跟岗实习", "Shadowing"),
  assessment: label("入职考核", "Induction assessment"),
  industryKnowledge: label("行业知识", "Industry knowledge"),
  serviceSkills: label("服务技巧", "Service skills"),
  marketEnvironment: label("市场环境分析", "Market environment"),
})
/** A topic of a course. */
export type TrainingTopic = ValueOf<typeof TrainingTopic>

/** A plan for new staff (002 3.4 入职培训) or the running training of the team (3.5 培训管理). */
export const TrainingKind = enumeration("organisation.trainingKind", {
  induction: label("入职培训", "Induction"),
  ongoing: label("在职培训", "In-service training"),
})
/** The kind of a training plan. */
export type TrainingKind = ValueOf<typeof TrainingKind>

/** A trainee's mark on 培训签到表. */
export const AttendanceMark = enumeration("organisation.attendanceMark", {
  present: label("出席", "Present"),
  late: label("迟到", "Late"),
  excused: label("请假", "Excused"),
  absent: label("缺席", "Absent"),
})
/** A mark on the attendance sheet. */
export type AttendanceMark = ValueOf<typeof AttendanceMark>

/** Where a training plan stands, as the host shows it. */
export const TrainingStatus = enumeration("organisation.trainingStatus", {
  none: label("未开始", "Not started"),
  drafting: label("计划修改中", "Plan being revised"),
  planSubmitted: label("计划审批中", "Plan in approval"),
  inSession: label("培训实施中", "Sessions under way"),
  evaluating: label("效果评估中", "Being evaluated"),
  reporting: label("待提交报告", "Report due"),
  reported: label("已报告", "Reported"),
  cancelled: label("已取消", "Cancelled"),
})
/** A status of a training plan. */
export type TrainingStatus = ValueOf<typeof TrainingStatus>
