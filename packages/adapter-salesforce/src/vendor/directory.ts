import type { RawRecord } from "./rest.ts"

/**
 * A row of `SELECT … FROM User`, as the REST query resource returns it (`attributes` first, a
 * relationship as a nested object or null). Fields as the object reference documents them:
 * `UserType` is the licence category (`Standard` for employees; `PowerPartner`,
 * `CustomerSuccess`, `CspLitePortal`, `Guest`, … for portal and site users, who are not staff);
 * `LanguageLocaleKey` is e.g. `zh_CN` or `en_US`; `UserRoleId` and `ManagerId` are null when unset.
 */
// https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_user.htm
export interface RawUser extends RawRecord {
  readonly Id: string
  readonly Name: string | null
  readonly IsActive: boolean
  readonly UserRoleId: string | null
  readonly UserRole?: { readonly DeveloperName: string | null } | null
  readonly ManagerId: string | null
  readonly Department: string | null
  readonly Title: string | null
  readonly LanguageLocaleKey: string | null
  readonly UserType: string | null
}

/**
 * A row of `SELECT … FROM UserRole`: `DeveloperName` is the role's unique API name ("Role Name"
 * in Setup; nillable since API 24.0 orgs may hold old roles without one), `Name` its label,
 * `ParentRoleId` the role above it, null at the top of the hierarchy.
 */
// https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_role.htm
export interface RawUserRole extends RawRecord {
  readonly Id: string
  readonly Name: string | null
  readonly DeveloperName: string | null
  readonly ParentRoleId: string | null
}

/**
 * A row of `SELECT AssigneeId, PermissionSet.Name FROM PermissionSetAssignment`: one user's
 * assignment to one permission set. Every profile owns a permission set too
 * (`PermissionSet.IsOwnedByProfile = true`), assigned to each of its users; those are filtered
 * out, so only sets an administrator assigned on purpose give roles and posts.
 */
// https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_permissionsetassignment.htm
export interface RawPermissionSetAssignment extends RawRecord {
  readonly AssigneeId: string
  readonly PermissionSet: { readonly Name: string | null } | null
}
