import { directorySuite, sampleCompany } from "@tixi/testing"
import { layer } from "../src/index.ts"
import { seedCompany } from "./support/company-portal.ts"
import { fakeOptions, useFakePortal } from "./support/fake-portal.ts"

const fake = useFakePortal()
const seeded = seedCompany(fake.portal, sampleCompany)

// Departments are teams, people owners; the company's mapping names roles and posts by owner email
// and copies the department tree into teamParents (HubSpot's API has no parent team).
const settings = {
  ids: seeded.ids,
  roleNames: seeded.roleNames,
  postNames: seeded.postNames,
  teamParents: seeded.teamParents,
}

directorySuite(
  "HubSpot owners and teams (fake portal over msw)",
  {
    layer: () => layer(fakeOptions(settings)),
    mapped: (mapping) =>
      layer(
        fakeOptions({
          ...settings,
          postNames: { ...settings.postNames, ...mapping.postNames },
          ...(mapping.departmentPosts === undefined ? {} : { departmentPosts: mapping.departmentPosts }),
        }),
      ),
  },
  sampleCompany,
)
