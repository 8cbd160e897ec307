import { Complaints, type FieldSpec } from "@tixi/core"
import type { CaseStage } from "../settings/settings.ts"

/**
 * The fields install creates when the settings name none: the complaint case's
 * (`Complaints.complaintCaseFields`: number, type, category, channel, urgency, received and due
 * instants, breach flags, escalation level, cause, remedies, outcome, …), because the complaint
 * process writes every one of them and writes are strict. Fields of your own go beside them:
 * `fields: [...tixiFields, ...yours]`.
 */
export const tixiFields: ReadonlyArray<FieldSpec> = Complaints.complaintCaseFields

/**
 * The complaint process's stages as ticket pipeline stages, in flow order, OPEN or CLOSED as
 * `Complaints.complaintStages` says (已结案 and 不予受理 are closed): the stages install creates
 * when the settings name none, the ones every complaint case write moves the ticket through.
 */
export const complaintCaseStages: ReadonlyArray<CaseStage> = Complaints.complaintStages.map((stage) => ({
  name: stage.value,
  label: stage.label,
  state: stage.state,
}))
