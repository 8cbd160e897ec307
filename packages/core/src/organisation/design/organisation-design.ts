import { Result } from "effect"
import { z } from "zod"
import type { InvalidTransition } from "../../errors/refusals.ts"
import { ValidationError } from "../../errors/validation-error.ts"
import type { DepartmentId, PersonId } from "../../ids/ids.ts"
import { label } from "../../labels/label.ts"
import { draftPolicyVersion } from "../../planning/policy/policy-version-draft.ts"
import { decideApprovalSchema } from "../../process/approval-decision.ts"
import { type GatedState, gatePassed, gateReturned } from "../../process/approval-gate.ts"
import { approvalStepsOf } from "../../process/approval-steps.ts"
import {
  type CancelledEvent,
  cancelCommandSchema,
  cancellationEffects,
  cancelWhileOpen,
} from "../../process/cancellation.ts"
import {
  commandShape,
  commandUnion,
  type FlowEvent,
  type ShapedCommand,
  type StepFields,
} from "../../process/command-shapes.ts"
import { commandIdSchema, commandTextSchema } from "../../process/decider-support.ts"
import type { ProcessDefinition } from "../../process/definition.ts"
import { departmentIdSchema } from "../../process/department-id-schema.ts"
import { departmentReviewFields, reviewLines } from "../../process/department-review-round.ts"
import type { Assignee } from "../../process/effect-request.ts"
import { defineFlow, type FlowState } from "../../process/flow.ts"
import {
  decideDepartmentReview,
  decideVersionApproval,
  departmentReviewTasks,
  departmentVerdictEffects,
  draftedPolicyVersion,
  initialPolicyVersionState,
  type PolicyApprovalRequestedEvent,
  type PolicyVersionState,
  type PostReviewRemindedEvent,
  postReviewDone,
  postReviewDueCommandSchema,
  postReviewReminder,
  postReviewTask,
  publishedVersionNotice,
  publishVersionCommandSchema,
  type ReviewedInForceEvent,
  reviewInForceCommandSchema,
  type VersionApprovedEvent,
  type VersionReturnedEvent,
  withDepartmentVerdict,
  withDraftedVersion,
  withPublishedVersion,
} from "../../process/policy-version-lifecycle.ts"
import { sentBackNotice } from "../../process/review-step.ts"
import { timers } from "../../process/timers.ts"
import { type Actor, actorSchema } from "../../roles/actor.ts"
import type { Role } from "../../roles/role.ts"
import { dayMillis, type Instant } from "../../time/instant.ts"
import { organisationOf } from "../organisation-chart.ts"
import type { OrganisationPolicy, OrganisationPreset } from "../organisation-policy.ts"
import { organisationDesignForm } from "./organisation-design-form.ts"
import { organisationPolicyModule } from "./organisation-policy-module.ts"
import { headcountFor, type PostStaffing, postStaffingInputSchema } from "./post-staffing.ts"

/** The process name of the organisation design flow; part of every idempotency key. */
export const organisationDesignName = "organisation.design"

/** Where an organisation design (组织结构设计) stands, from the analysis to the review after a period. */
export type OrganisationDesignStatus =
  | "none"
  | "designing"
  | "staffing"
  | "inReview"
  | "awaitingApproval"
  | "approved"
  | "published"
  | "closed"
  | "cancelled"

/** ① What the analysis found: the company's size and lines, the contacts per channel, and the chart that fits. */
export interface OrganisationAnalysis {
  readonly employees: number
  readonly businessLines: ReadonlyArray<string>
  /** Contacts a month per channel (hotline, complaints, e-mail...), from the call-centre and complaint figures. */
  readonly channels: ReadonlyArray<{ readonly channel: string; readonly contactsPerMonth: number }>
  /** The handbook chart the figures point to; the designer may still start from the other. */
  readonly fittingPreset: OrganisationPreset
}

/** The state of one organisation design: a new version of the organisation on its way into force. */
export interface OrganisationDesignState
  extends FlowState,
    GatedState,
    PolicyVersionState<OrganisationPolicy> {
  readonly status: OrganisationDesignStatus
  readonly sequence: number
  readonly designId: string
  readonly owner: Actor | undefined
  readonly analysis: OrganisationAnalysis | undefined
  /** ② who designed the chart (the chart itself, validated by `parseOrganisationPolicy`, is the lifecycle's `policy`). */
  readonly designer: PersonId | undefined
  /** ③ headcount per post of the drafted chart. */
  readonly staffing: ReadonlyArray<PostStaffing>
}

const channelSchema = z.strictObject({
  channel: commandTextSchema(100),
  contactsPerMonth: z.number().int().min(0, "must not be negative"),
})

/** The shape of every command of an organisation design, checked before the decider reads it. */
export const organisationDesignCommandSchema = commandUnion(
  /** ① 现状分析: size, business lines, contacts per channel. */
  commandShape("Analyse", {
    designId: commandIdSchema,
    owner: actorSchema,
    employees: z.number().int().min(1, "a company has at least one employee"),
    businessLines: z.array(commandTextSchema(200)).min(1, "name at least one business line").max(50),
    channels: z.array(channelSchema).max(20),
  }),
  /** ② 设计组织结构图: the new organisation policy as data, and the departments that review it. */
  commandShape("DesignChart", {
    designer: actorSchema,
    policy: z.unknown(),
    departments: z.array(departmentIdSchema).min(1, "name at least one department concerned").max(20),
  }),
  /** ③ 定岗定编: the headcount basis of each post. */
  commandShape("PlanStaffing", {
    designer: actorSchema,
    posts: z.array(postStaffingInputSchema).min(1, "staff at least one post").max(200),
  }),
  /** ④ 相关部门会审: one department's verdict; every one must pass before ✓. */
  commandShape("ReviewDesign", {
    ...departmentReviewFields,
  }),
  /** ④ ✓ the approvers' decision. */
  decideApprovalSchema,
  /** ⑤ 发布: the new organisation in force from `effectiveAt` (when published, if not given). */
  publishVersionCommandSchema,
  /** ⑥ the reminder that the organisation's review is due (timer). */
  postReviewDueCommandSchema,
  /** ⑥ 运行评估: does the organisation work as designed? */
  reviewInForceCommandSchema,
  cancelCommandSchema,
)

/** The commands of an organisation design. */
export type OrganisationDesignCommand = ShapedCommand<typeof organisationDesignCommandSchema>

type Step<Type extends OrganisationDesignCommand["type"]> = StepFields<OrganisationDesignCommand, Type>

/** The events of an organisation design; the drafted and the published organisation travel whole. */
export type OrganisationDesignEvent =
  | FlowEvent<"Analysed", Step<"Analyse"> & { fittingPreset: OrganisationPreset }>
  | FlowEvent<
      "ChartDesigned",
      {
        designer: Actor
        policy: OrganisationPolicy
        basedOnVersion: string
        changes: ReadonlyArray<string>
        departments: ReadonlyArray<DepartmentId>
      }
    >
  | FlowEvent<"StaffingPlanned", { designer: Actor; staffing: ReadonlyArray<PostStaffing> }>
  | FlowEvent<"DesignReviewed", Step<"ReviewDesign">>
  | PolicyApprovalRequestedEvent
  | VersionApprovedEvent
  | VersionReturnedEvent
  // Whoever keeps the company's organisation policy takes the new version from here.
  | FlowEvent<
      "Published",
      { by: Actor; effectiveAt: Instant; policy: OrganisationPolicy; staffing: ReadonlyArray<PostStaffing> }
    >
  | PostReviewRemindedEvent
  | ReviewedInForceEvent
  | CancelledEvent

/** Why a command of an organisation design is refused. */
export type OrganisationDesignRefusal = InvalidTransition | ValidationError

/** Options of an organisation design. */
export interface OrganisationDesignOptions {
  /** Who approves (✓), in order (default: the manager, then the general manager). */
  readonly approvers?: ReadonlyArray<Role>
  /** How long the organisation runs before ⑥ reviews it (default 180 days). */
  readonly reviewAfterDays?: number
  /**
   * From how many employees the full chart of a 大型企业 fits (default 500): below it the merged
   * posts of the 中小型企业 chart keep each holder busy; three or more business lines also call
   * for the full chart, whose separate departments can serve each line.
   */
  readonly largeEnterpriseFromEmployees?: number
}

/** Everyone a new organisation concerns, told when it is published. */
const everyRank: ReadonlyArray<Role> = ["officer", "supervisor", "manager", "director"]

/**
 * The handbook chart (004 ch.1 §1–§2) a company's size and business lines point to (002 3.2 ①):
 * a 中小型企业 merges posts, a 大型企业 staffs the full chart.
 */
export const fittingPreset = (
  employees: number,
  businessLines: number,
  largeEnterpriseFromEmployees = 500,
): OrganisationPreset =>
  employees >= largeEnterpriseFromEmployees || businessLines >= 3 ? "largeEnterprise" : "smallEnterprise"

/**
 * 客户服务组织结构设计流程 ①–⑥ (002 ch.3 3.2): the company analysed (size, business lines,
 * contacts per channel; which chart fits), the chart designed as a new `OrganisationPolicy`
 * (validated by `parseOrganisationPolicy`), every post staffed from its workload (Erlang C for
 * agents who answer calls), reviewed by the departments concerned and approved ✓, published as
 * the new organisation version, and reviewed after a period. `current` is the organisation in force.
 */
export function organisationDesignProcess(
  current: OrganisationPolicy,
  options: OrganisationDesignOptions = {},
): ProcessDefinition<
  OrganisationDesignState,
  OrganisationDesignCommand,
  OrganisationDesignEvent,
  OrganisationDesignRefusal
> {
  type State = OrganisationDesignState
  type Event = OrganisationDesignEvent
  const approvers = options.approvers ?? ["manager", "generalManager"]
  const reviewAfter = (options.reviewAfterDays ?? 180) * dayMillis
  const subject = `${organisationDesignName}.command`
  const initialState: State = {
    status: "none",
    sequence: 0,
    designId: "",
    owner: undefined,
    analysis: undefined,
    designer: undefined,
    staffing: [],
    ...initialPolicyVersionState<OrganisationPolicy>(current.version),
    approval: undefined,
    decidedApprovals: [],
  }
  const versionOf = (state: State) => state.policy?.version ?? ""
  const ownerOf = (state: State): Assignee =>
    state.owner ? { person: state.owner.personId } : { role: "manager" }
  const designerOf = (state: State): Assignee =>
    state.designer ? { person: state.designer } : ownerOf(state)
  const reviewTask = (state: State, department: string) =>
    `${state.designId}/review/${state.round}/${department}`
  const postReview = postReviewReminder<State, OrganisationDesignCommand, Event>(
    (state) => state.status === "published",
  )
  const staffingLines = (state: State) =>
    state.staffing.map((row) => `${row.post}: ${row.headcount}（${row.reason}）`).join("\n")

  return defineFlow<State, OrganisationDesignCommand, Event, ValidationError>({
    name: organisationDesignName,
    initialState,
    commands: organisationDesignCommandSchema,
    idOf: (state) => state.designId,
    finished: ["closed", "cancelled"],
    steps: {
      // ① 现状分析 (客户服务部经理): size, business lines, contacts per channel ◇ which chart fits
      Analyse: (state, command, decision) =>
        state.status === "none"
          ? decision.accept({
              ...command,
              type: "Analysed",
              fittingPreset: fittingPreset(
                command.employees,
                command.businessLines.length,
                options.largeEnterpriseFromEmployees,
              ),
            })
          : decision.refuse("this organisation design was already analysed"),
      // ② 设计组织结构图 (客户服务部经理): posts kept, merged, added, reporting lines — validated by the parser
      DesignChart: (state, command, decision) => {
        if (state.status !== "designing")
          return decision.refuse("a chart is designed after the analysis, or redesigned when sent back")
        const drafted = draftedPolicyVersion(
          draftPolicyVersion(organisationPolicyModule, current, command.policy, subject),
          current.version,
          command.departments,
        )
        if (Result.isFailure(drafted)) return Result.fail(drafted.failure)
        return decision.accept({
          type: "ChartDesigned",
          at: command.at,
          designer: command.designer,
          ...drafted.success,
        })
      },
      // ③ 定岗定编 (客户服务部经理): headcount per post of the drafted chart, from its workload
      PlanStaffing: (state, command, decision) => {
        if (state.status !== "staffing")
          return decision.refuse("posts are staffed once the chart is designed")
        const chart = organisationOf(state.policy!)
        const issues = command.posts.flatMap((row, index) =>
          chart.holderOf(row.post)?.id === row.post
            ? []
            : [
                {
                  path: ["posts", index, "post"],
                  message: `${row.post} is not a post of organisation ${versionOf(state)} (unknown or merged)`,
                  code: "rule" as const,
                },
              ],
        )
        const seen = new Set<string>()
        command.posts.forEach((row, index) => {
          if (seen.has(row.post))
            issues.push({
              path: ["posts", index, "post"],
              message: `${row.post} is staffed twice`,
              code: "rule",
            })
          seen.add(row.post)
        })
        if (issues.length > 0) return Result.fail(new ValidationError({ subject, issues }))
        return decision.accept({
          type: "StaffingPlanned",
          at: command.at,
          designer: command.designer,
          staffing: command.posts.map((row) => ({ ...row, headcount: headcountFor(row.basis) })),
        })
      },
      // ④ 相关部门会审 (各相关部门; not the designer) ◇ all passed: ✓ — one not passed: back to ②
      ReviewDesign: (state, command, decision) =>
        decideDepartmentReview(state, command, decision, {
          open: state.status === "inReview",
          notOpen: "only a staffed design is reviewed",
          author: state.designer,
          names: { what: "design", author: "designer" },
          reviewed: { ...command, type: "DesignReviewed" },
        }),
      // ④ 审批 ✓ (经理 → 总经理): approved — to ⑤; returned — back to ②
      DecideApproval: (state, command, decision) =>
        decideVersionApproval(state, command, state.status === "awaitingApproval", decision),
      // ⑤ 发布新组织版本 (客户服务部经理): the organisation and its staffing, carried in the event
      Publish: (state, command, decision) =>
        state.status === "approved"
          ? decision.accept({
              type: "Published",
              at: command.at,
              by: command.by,
              effectiveAt: command.effectiveAt ?? command.at,
              policy: state.policy!,
              staffing: state.staffing,
            })
          : decision.refuse("only an approved organisation is published"),
      // ⑥ timer: the organisation has run long enough to be reviewed
      PostReviewDue: postReview.step,
      // ⑥ 运行评估 (客户服务部经理) ◇ effective: closed — not effective: closed, a new design to start
      ReviewInForce: (state, command, decision) =>
        state.status === "published"
          ? decision.accept({ ...command, type: "ReviewedInForce" })
          : decision.refuse("an organisation is reviewed once it is published"),
      Cancel: cancelWhileOpen(
        ["published", "closed"],
        "only a design not yet published can be cancelled",
        "awaitingApproval",
      ),
    },
    folds: {
      Analysed: (state, { designId, owner, employees, businessLines, channels, fittingPreset }) => ({
        ...state,
        status: "designing",
        designId,
        owner,
        analysis: { employees, businessLines, channels, fittingPreset },
      }),
      ChartDesigned: (state, event) => ({
        ...withDraftedVersion(state, event),
        status: "staffing",
        designer: event.designer.personId,
        staffing: [],
      }),
      StaffingPlanned: (state, { staffing }) => ({ ...state, status: "inReview", staffing }),
      DesignReviewed: (state, verdict) => withDepartmentVerdict(state, verdict, "designing"),
      ApprovalRequested: (state, { approvalKey: key }) => ({
        ...state,
        status: "awaitingApproval",
        approval: { key },
      }),
      Approved: (state) => ({ ...gatePassed(state), status: "approved" }),
      Returned: (state) => ({ ...gateReturned(state), status: "designing" }),
      Published: (state, { effectiveAt }) => ({
        ...withPublishedVersion(state, effectiveAt, reviewAfter),
        status: "published",
      }),
      PostReviewReminded: (state) => ({ ...state, reviewReminded: true }),
      ReviewedInForce: (state, { effective }) => ({ ...state, status: "closed", effective }),
      Cancelled: (state) => ({ ...state, status: "cancelled" }),
    },
    deadlines: (state) => timers(postReview.deadline(state)),
    effects: {
      StaffingPlanned: (state, _event, host) =>
        departmentReviewTasks(host, state.departments, {
          taskKey: (department) => reviewTask(state, department),
          subject: `④ 会审组织结构设计 Review organisation ${versionOf(state)}`,
          body: `变更 Changes: ${state.changes.join(", ")}\n${staffingLines(state)}`,
        }),
      DesignReviewed: (state, event, host) =>
        departmentVerdictEffects(
          host,
          event,
          reviewTask(state, event.department),
          designerOf(state),
          label(
            `组织结构设计会审未通过：${versionOf(state)}`,
            `Organisation review not passed: ${versionOf(state)}`,
          ),
        ),
      ApprovalRequested: (state, event, host) => [
        host.submitApproval(event.approvalKey, {
          requestType: organisationDesignName,
          businessKey: state.designId,
          title: label(
            `组织结构设计方案审批：${versionOf(state)}`,
            `Organisation design approval: ${versionOf(state)}`,
          ),
          originator: designerOf(state),
          formId: organisationDesignForm.id,
          values: {
            designNumber: state.designId,
            version: versionOf(state),
            previousVersion: state.basedOnVersion,
            preset: state.policy!.preset,
            analysis: analysisText(state.analysis!),
            changes: state.changes.join("\n"),
            staffing: staffingLines(state),
            totalHeadcount: state.staffing.reduce((sum, row) => sum + row.headcount, 0),
            reviews: reviewLines(state),
            designer: state.designer,
          },
          steps: approvalStepsOf(approvers),
        }),
      ],
      Returned: (state, event, host) => [
        sentBackNotice(
          host,
          designerOf(state),
          label(
            `组织结构设计方案未获批准：${versionOf(state)}`,
            `Organisation design not approved: ${versionOf(state)}`,
          ),
          event.comment,
        ),
      ],
      Published: (state, event, host) => [
        publishedVersionNotice(
          host,
          everyRank,
          label(`新组织结构发布：${versionOf(state)}`, `New organisation published: ${versionOf(state)}`),
          event.effectiveAt,
          state.basedOnVersion,
        ),
      ],
      PostReviewReminded: (state, _event, host) => [
        postReviewTask(
          host,
          state.designId,
          `⑥ 组织运行评估 Review organisation ${versionOf(state)}`,
          "The organisation has run for its review period: does it work as designed?",
        ),
      ],
      ReviewedInForce: (state, _event, host) => postReviewDone(host, state, state.designId),
      Cancelled: (_state, event, host) => cancellationEffects(event, host),
    },
  })
}

const analysisText = (analysis: OrganisationAnalysis): string =>
  [
    `员工 Employees: ${analysis.employees}`,
    `业务线 Business lines: ${analysis.businessLines.join(", ")}`,
    ...analysis.channels.map((entry) => `${entry.channel}: ${entry.contactsPerMonth}/月 month`),
    `适用 Fits: ${analysis.fittingPreset}`,
  ].join("\n")

/** The organisation a design put in force, for the embedder to store as the company's policy; undefined before ⑤. */
export const publishedOrganisation = (state: OrganisationDesignState): OrganisationPolicy | undefined =>
  state.status === "published" || state.status === "closed" ? state.policy : undefined
