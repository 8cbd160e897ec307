import { kindField } from "../crm/activities.ts"
import { stageField } from "../crm/cases.ts"
import type { CrmContext } from "../crm/crm-context.ts"
import type { CustomFieldMetadata } from "../vendor/tooling.ts"

/** A field tixi itself needs (its keys, the case stage, approval routing), on one object. */
export interface BaseField {
  readonly object: string
  readonly apiName: string
  readonly metadata: CustomFieldMetadata
}

/** The related user field of one approver slot of one step. */
export const approverField = (step: number, slot: number) => `Tixi_Approver_S${step + 1}_${slot + 1}__c`
/** Where an approval's submission key is kept on the record (Approval Processes keep none of their own). */
export const approvalKeyField = "Tixi_Approval_Key__c"

/**
 * tixi's own fields: the external-id key on every object it writes (unique, case-insensitive, so
 * upserts match), the stage on Case, the activity kind on Task and Event, and on each object an
 * Approval Process runs on, the approval key and the approver slots the processes route by.
 */
export function baseFields(context: CrmContext): ReadonlyArray<BaseField> {
  const key = context.settings.externalIdField
  const externalKey = (object: string): BaseField => ({
    object,
    apiName: key,
    metadata: {
      label: "tixi key",
      type: "Text",
      length: 255,
      externalId: true,
      unique: true,
      caseSensitive: false,
      description: "tixi's key of the record; writes are matched on it so they never duplicate.",
    },
  })
  const fields: Array<BaseField> = [
    externalKey("Account"),
    ...(context.settings.personAccounts ? [] : [externalKey("Contact")]),
    externalKey("Case"),
    {
      object: "Activity",
      apiName: key,
      metadata: {
        label: "tixi key",
        type: "Text",
        length: 255,
        description: "tixi's key of the task or activity.",
      },
    },
    {
      object: "Case",
      apiName: stageField,
      metadata: {
        label: "tixi stage",
        type: "Text",
        length: 80,
        description: "The stage of tixi's process the case is in.",
      },
    },
    {
      object: "Activity",
      apiName: kindField,
      metadata: {
        label: "tixi kind",
        type: "Text",
        length: 20,
        description: "call, meeting, visit, email, note or task.",
      },
    },
  ]
  const bound = new Map<string, number>()
  for (const binding of Object.values(context.settings.approvalProcesses)) {
    const steps = Math.max(...binding.processes.map((process) => process.steps.length))
    bound.set(
      binding.object,
      Math.max(bound.get(binding.object) ?? 0, steps * 100 + (binding.approversPerStep ?? 5)),
    )
  }
  for (const [object, encoded] of bound) {
    const steps = Math.floor(encoded / 100)
    const slots = encoded % 100
    fields.push({
      object,
      apiName: approvalKeyField,
      metadata: {
        label: "tixi approval key",
        type: "Text",
        length: 255,
        description: "The key of the tixi approval last submitted for this record.",
      },
    })
    for (let step = 0; step < steps; step++) {
      for (let slot = 0; slot < slots; slot++) {
        const apiName = approverField(step, slot)
        fields.push({
          object,
          apiName,
          metadata: {
            label: `tixi approver ${step + 1}.${slot + 1}`,
            type: "Lookup",
            referenceTo: "User",
            relationshipName: apiName.replace(/__c$/, ""),
            deleteConstraint: "SetNull",
            description: `Approver ${slot + 1} of step ${step + 1} of tixi's approval chain; the Approval Process routes by it.`,
          },
        })
      }
    }
  }
  return fields
}
