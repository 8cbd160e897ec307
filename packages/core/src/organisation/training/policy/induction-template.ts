import type { Label } from "../../../labels/label.ts"
import { label } from "../../../labels/label.ts"
import type { TrainingTopic } from "../labels/training-labels.ts"

/** One course of the induction template: what, on which working day of the induction, how long. */
export interface InductionCourse {
  readonly id: string
  readonly topic: TrainingTopic
  readonly title: Label
  /** Working days after the first day (0: the first day). */
  readonly workingDay: number
  readonly hours: number
}

/**
 * The induction of new customer-service staff (002 3.4 入职培训): company, service standards,
 * product, systems, then shadowing an experienced colleague, and an assessment at the end — a
 * week, as companies usually run it. A company replaces it with its own template.
 */
export const defaultInductionTemplate: ReadonlyArray<InductionCourse> = [
  {
    id: "IND-1",
    topic: "companyIntroduction",
    title: label("公司介绍与企业文化", "The company and its culture"),
    workingDay: 0,
    hours: 3,
  },
  {
    id: "IND-2",
    topic: "serviceStandards",
    title: label("客户服务理念与服务标准", "Service principles and standards"),
    workingDay: 0,
    hours: 4,
  },
  { id: "IND-3", topic: "product", title: label("产品知识", "Product knowledge"), workingDay: 1, hours: 7 },
  {
    id: "IND-4",
    topic: "systems",
    title: label("CRM 与办公系统操作", "CRM and office systems"),
    workingDay: 2,
    hours: 6,
  },
  {
    id: "IND-5",
    topic: "shadowing",
    title: label("跟岗实习", "Shadowing a colleague"),
    workingDay: 3,
    hours: 14,
  },
  {
    id: "IND-6",
    topic: "assessment",
    title: label("入职考核", "Induction assessment"),
    workingDay: 5,
    hours: 2,
  },
]
