import { describe, expect, it } from "vitest"
import { defaultAccessPolicy, projectForm } from "../../src/access/index.ts"
import { creditAnalysisForm } from "../../src/credit/index.ts"
import {
  largeEnterpriseOrganisation,
  organisationOf,
  readerOfPost,
  smallEnterpriseOrganisation,
} from "../../src/organisation/index.ts"

const maskedKeys = (post: string, policy = largeEnterpriseOrganisation) => {
  const resolved = organisationOf(policy).holderOf(post)
  if (resolved === undefined) throw new Error(`no post ${post}`)
  const values = Object.fromEntries(Object.keys(creditAnalysisForm.fields).map((key) => [key, "x"]))
  const seen = projectForm(creditAnalysisForm, values as never, readerOfPost(resolved), defaultAccessPolicy)
  return seen.masked.map((entry) => entry.field)
}

describe("what a post may read", () => {
  it("lets the credit officer read the credit analysis its post needs", () => {
    expect(maskedKeys("creditOfficer")).toEqual([])
  })

  it("withholds the credit analysis from a complaint officer, whose post neither is cleared nor needs it", () => {
    expect(maskedKeys("complaintOfficer").length).toBe(Object.keys(creditAnalysisForm.fields).length)
  })

  it("gives a merged post the wider reading rights of the posts merged into it", () => {
    // In the 中小型企业 chart the credit posts are merged into the customer information posts.
    expect(maskedKeys("creditOfficer", smallEnterpriseOrganisation)).toEqual([])
  })
})
