import { make, type SalesforceSettings } from "@tixi/adapter-salesforce"
import { createFakeSalesforce, type FakeOrgOptions, type FakeSalesforce } from "@tixi/adapter-salesforce/fake"
import { Directory, Organisation, type Role } from "@tixi/core"
import type { sampleCompany } from "@tixi/testing"
import { Context, Effect, Layer } from "effect"
import { server, settingsFor, trackSoql } from "./fake-org-harness.ts"

/** A tixi department id as a role DeveloperName (letters, digits, single underscores). */
export const roleDeveloperName = (id: string) =>
  id
    .split("-")
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join("_")

/** The permission set that gives each tixi role in the company's org. */
export const rolePermissionSets: Readonly<Record<Role, string>> = {
  officer: "Tixi_Officer",
  supervisor: "Tixi_Supervisor",
  manager: "Tixi_Manager",
  director: "Tixi_Director",
  generalManager: "Tixi_General_Manager",
  finance: "Tixi_Finance",
}

/**
 * Seeds a fake org with a company as its administrator would set it up: one role per department
 * (the hierarchy following the departments' parents), each person a user in their department's
 * role with their post's Chinese name as Title, their manager, their language, and a permission
 * set per tixi role they hold. Returns the directory settings that map it back.
 */
export function seedCompany(
  fake: FakeSalesforce,
  company: typeof sampleCompany,
): Partial<SalesforceSettings> {
  const roleIds = new Map<string, string>()
  for (const department of company.departments) {
    roleIds.set(
      department.id,
      fake.org.insertSystemRecord("UserRole", {
        Name: department.name,
        DeveloperName: roleDeveloperName(department.id),
        ParentRoleId: department.parentId === undefined ? null : roleIds.get(department.parentId)!,
      }),
    )
  }
  const permissionSets = new Map(
    Object.entries(rolePermissionSets).map(([role, name]) => [
      role,
      fake.org.insertSystemRecord("PermissionSet", { Name: name, Label: name, IsOwnedByProfile: false }),
    ]),
  )
  const userIds = new Map<string, string>()
  for (const person of company.people) {
    const username = `${person.id}@tixi.example`
    const values = {
      Name: person.name,
      IsActive: person.active,
      UserRoleId: roleIds.get(person.departmentId)!,
      Title: person.posts[0] === undefined ? null : Organisation.Post.label(person.posts[0], "zh-CN"),
      LanguageLocaleKey: person.locale === "zh-CN" ? "zh_CN" : "en_US",
    }
    const existing = fake.org.usersByName.get(username)
    if (existing === undefined) userIds.set(person.id, fake.org.addUser(username, values))
    else {
      fake.org.updateSystemRecord("User", existing, values)
      userIds.set(person.id, existing)
    }
    for (const role of person.roles)
      fake.org.insertSystemRecord("PermissionSetAssignment", {
        AssigneeId: userIds.get(person.id)!,
        PermissionSetId: permissionSets.get(role)!,
      })
  }
  for (const person of company.people) {
    if (person.managerId !== undefined)
      fake.org.updateSystemRecord("User", userIds.get(person.id)!, {
        ManagerId: userIds.get(person.managerId)!,
      })
  }
  return {
    users: Object.fromEntries(userIds),
    directory: {
      departments: Object.fromEntries(
        company.departments.map((department) => [department.id, roleDeveloperName(department.id)]),
      ),
      roleNames: Object.fromEntries(Object.entries(rolePermissionSets).map(([role, name]) => [role, [name]])),
    },
  }
}

/** A fake org holding `company`, mounted on the msw server, with the adapter signed in to it. */
export async function companyOrg(
  company: typeof sampleCompany,
  options: {
    readonly org?: FakeOrgOptions
    readonly directory?: SalesforceSettings["directory"]
    readonly setup?: (fake: FakeSalesforce) => void
  } = {},
) {
  const fake = trackSoql(createFakeSalesforce(options.org))
  server.resetHandlers(...fake.handlers)
  const seeded = seedCompany(fake, company)
  options.setup?.(fake)
  const settings = settingsFor(fake, { ...seeded, directory: { ...seeded.directory, ...options.directory } })
  const adapter = await Effect.runPromise(make(settings))
  return { fake, adapter, settings }
}

/** A layer with the `Directory` of a fake org holding `company`. */
export const companyDirectoryLayer = (
  company: typeof sampleCompany,
  directory: SalesforceSettings["directory"] = {},
) =>
  Layer.effectContext(
    Effect.promise(async () =>
      Context.make(Directory, (await companyOrg(company, { directory })).adapter.directory),
    ),
  )
