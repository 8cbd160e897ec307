import { z } from "zod"
import { type Label, label, labelSchema } from "../../labels/label.ts"

/** One scored line of a monitoring scorecard (呼叫业务质量监控表 · 监控项目). */
export interface ScorecardItem {
  readonly id: string
  readonly text: Label
  /** Points the line is worth; an evaluator gives 0 to this many, or marks it not applicable. */
  readonly points: number
}

/** A group of lines (开场, 服务态度, 业务能力 …). */
export interface ScorecardSection {
  readonly id: string
  readonly name: Label
  readonly items: ReadonlyArray<ScorecardItem>
}

/**
 * A critical error (致命错误): one occurrence fails the whole call, whatever the points, because
 * the handbook treats it as a breach (服务禁语, leaking customer data, promising what the agent
 * may not).
 */
export interface CriticalItem {
  readonly id: string
  readonly text: Label
}

/** A monitoring scorecard as data: sections of weighted lines, critical errors and the pass mark. */
export interface ScorecardTemplate {
  readonly id: string
  readonly version: string
  readonly name: Label
  readonly sections: ReadonlyArray<ScorecardSection>
  readonly criticalItems: ReadonlyArray<CriticalItem>
  /** The score (percent of applicable points) at or above which a call passes. */
  readonly passPercent: number
}

const item = (id: string, points: number, zh: string, en: string): ScorecardItem => ({
  id,
  points,
  text: label(zh, en),
})

/**
 * tixi's default scorecard for 000 ch.9's quality monitoring (9.6.3 呼叫业务质量监控表, 9.4.4
 * 质量监控工作流程), built from the agent duties of 004 ch.8: answer within three rings, courteous
 * language, accurate answers from the knowledge base and archives, record difficult calls with a
 * promised answer time and hand them to the supervisor, log every call. 100 points; pass at 80.
 */
export const defaultScorecard: ScorecardTemplate = {
  id: "callcenter.monitoring.default",
  version: "handbook-2026.1",
  name: label("呼叫业务质量监控表（默认）", "Call quality monitoring scorecard (default)"),
  passPercent: 80,
  sections: [
    {
      id: "opening",
      name: label("开场", "Opening"),
      items: [
        item("answeredInThreeRings", 5, "铃响三声内接听", "Answered within three rings"),
        item("standardGreeting", 5, "使用标准问候语并自报工号", "Standard greeting with agent number"),
      ],
    },
    {
      id: "attitude",
      name: label("服务态度", "Attitude"),
      items: [
        item("courteousLanguage", 10, "使用文明用语，热情周到", "Courteous, warm language"),
        item("patience", 10, "耐心倾听，不打断客户", "Listens patiently without interrupting"),
      ],
    },
    {
      id: "competence",
      name: label("业务能力", "Competence"),
      items: [
        item("needIdentified", 10, "准确把握客户需求", "Identifies the customer's need"),
        item(
          "accurateAnswer",
          15,
          "答复准确（查询客户数据库、知识库、档案）",
          "Accurate answer (customer database, knowledge base, archives)",
        ),
        item("clearExplanation", 5, "表达清晰、专业", "Clear, professional explanation"),
      ],
    },
    {
      id: "resolution",
      name: label("问题处理", "Resolution"),
      items: [
        item(
          "resolvedOrRouted",
          15,
          "当场解决或按流程转交相关部门",
          "Resolved, or routed by the service flow",
        ),
        item(
          "promisedAnswerTime",
          5,
          "疑难问题记录并明确答复时间",
          "Difficult issue recorded with a promised answer time",
        ),
      ],
    },
    {
      id: "closing",
      name: label("结束", "Closing"),
      items: [
        item("confirmedSatisfaction", 5, "确认客户无其他需求", "Confirms nothing else is needed"),
        item("standardClosing", 5, "使用标准结束语", "Standard closing"),
      ],
    },
    {
      id: "records",
      name: label("记录", "Records"),
      items: [item("callLogged", 10, "呼叫内容登记完整准确", "Call logged completely and accurately")],
    },
  ],
  criticalItems: [
    {
      id: "forbiddenLanguage",
      text: label("使用服务禁语或与客户争吵", "Forbidden language or arguing with the customer"),
    },
    {
      id: "confidentialityBreach",
      text: label("泄露企业机密或客户资料", "Disclosed company secrets or customer data"),
    },
    { id: "unauthorisedPromise", text: label("超越权限擅自承诺", "Promised beyond the agent's authority") },
  ],
}

const text = labelSchema
const id = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9._-]{0,79}$/, "must be an id (a letter, then letters, digits, . _ -)")

/** Validates a scorecard: ids unique across sections and critical items, positive points, a pass mark in 0–100. */
export const scorecardTemplateSchema: z.ZodType<ScorecardTemplate> = z
  .object({
    id: z.string().min(1),
    version: z.string().min(1),
    name: text,
    passPercent: z.number().min(0).max(100),
    sections: z
      .array(
        z.object({
          id,
          name: text,
          items: z
            .array(z.object({ id, text, points: z.number().finite().positive("must be positive") }))
            .min(1),
        }),
      )
      .min(1),
    criticalItems: z.array(z.object({ id, text })),
  })
  .superRefine((template, context) => {
    const seen = new Set<string>()
    template.sections.forEach((section, sectionIndex) => {
      section.items.forEach((line, itemIndex) => {
        if (seen.has(line.id)) {
          context.addIssue({
            code: "custom",
            path: ["sections", sectionIndex, "items", itemIndex, "id"],
            message: "must be unique",
          })
        }
        seen.add(line.id)
      })
    })
    template.criticalItems.forEach((critical, index) => {
      if (seen.has(critical.id))
        context.addIssue({ code: "custom", path: ["criticalItems", index, "id"], message: "must be unique" })
      seen.add(critical.id)
    })
  }) as unknown as z.ZodType<ScorecardTemplate>
