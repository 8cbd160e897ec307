import { Effect } from "effect"
import type { CrmContext } from "../crm/crm-context.ts"
import { createRecord } from "../operations/rest/create-record.ts"
import { queryAll } from "../operations/rest/query.ts"

/** The permission set that carries field-level security for tixi's fields. */
export const permissionSetName = "Tixi_Fields"

/**
 * Grants read and edit on new fields through tixi's permission set (created on first use), with
 * one `FieldPermissions` row per field. Assign the permission set to the integration user and to
 * staff who should see tixi's fields (Setup → Permission Sets → Tixi Fields).
 */
// https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_fieldpermissions.htm
export const grantFieldAccess = (
  context: CrmContext,
  fields: ReadonlyArray<{ readonly object: string; readonly apiName: string }>,
) =>
  Effect.gen(function* () {
    const existing = yield* queryAll(
      context.client,
      // https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_permissionset.htm
      `SELECT Id FROM PermissionSet WHERE Name = '${permissionSetName}'`,
      { operation: "ensureFields" },
    )
    const permissionSetId =
      existing[0]?.Id ??
      (yield* createRecord(context.client, {
        object: "PermissionSet",
        values: { Name: permissionSetName, Label: "Tixi Fields" },
        operation: "ensureFields",
      }))
    const rows = fields.flatMap((field) =>
      (field.object === "Activity" ? ["Task", "Event"] : [field.object]).map((object) => ({
        ParentId: permissionSetId,
        SobjectType: object,
        Field: `${object}.${field.apiName}`,
        PermissionsRead: true,
        PermissionsEdit: true,
      })),
    )
    for (const row of rows)
      yield* createRecord(context.client, {
        object: "FieldPermissions",
        values: row,
        operation: "ensureFields",
      })
  })
