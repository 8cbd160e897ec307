import type { DirectoryMapping } from "@tixi/adapter-kit"
import type { Person, Role } from "@tixi/core"
import type { sampleCompany } from "@tixi/testing"
import type { FakeHubSpotPortal } from "@tixi/testing/hubspot"
import type { HubSpotIdMapping } from "../../src/index.ts"

/** What a portal seeded with a company needs in the adapter's settings to give its people back. */
export interface SeededCompany {
  readonly ids: HubSpotIdMapping
  readonly roleNames: Partial<Record<Role, ReadonlyArray<string>>>
  readonly postNames: NonNullable<DirectoryMapping["postNames"]>
  readonly teamParents: Readonly<Record<string, string>>
  /** Each person's owner email, by tixi person id. */
  readonly emails: Readonly<Record<string, string>>
}

/**
 * Puts a company into a fake portal as HubSpot holds it: a team per department, an owner per
 * person in their department's team (archived when inactive). HubSpot has no titles, so the
 * company's mapping names each role and post by the owners' emails, and copies the department
 * tree into `teamParents`.
 */
export function seedCompany(portal: FakeHubSpotPortal, company: typeof sampleCompany): SeededCompany {
  const departments: Record<string, number> = {}
  const teamParents: Record<string, string> = {}
  for (const department of company.departments) {
    departments[department.id] = Number(portal.users.addTeam(department.name).id)
    if (department.parentId !== undefined) teamParents[department.id] = department.parentId
  }
  const people: Record<string, string> = {}
  const emails: Record<string, string> = {}
  const roleNames: Partial<Record<Role, Array<string>>> = {}
  const postNames: Partial<Record<Person["posts"][number], Array<string>>> = {}
  for (const person of company.people) {
    const email = `${person.id}@acme.example`
    const owner = portal.users.addOwner({
      email,
      lastName: person.name.slice(0, 1),
      firstName: person.name.slice(1),
      teamIds: [String(departments[person.departmentId])],
      archived: !person.active,
    })
    people[person.id] = owner.id
    emails[person.id] = email
    for (const role of person.roles) roleNames[role] = [...(roleNames[role] ?? []), email]
    for (const post of person.posts) postNames[post] = [...(postNames[post] ?? []), email]
  }
  return { ids: { people, departments }, roleNames, postNames, teamParents, emails }
}
