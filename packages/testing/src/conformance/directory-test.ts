import { Directory, departmentId, type Organisation, personId } from "@tixi/core"
import { Effect, type Layer } from "effect"
import { describe, expect } from "vitest"
import type { sampleCompany } from "../fixtures/company.ts"
import { conformanceCase, failureOf, type SuiteOptions } from "./suite.ts"

/**
 * How a company maps host names and departments to posts, as DingTalk's and WeCom's settings
 * take it (`postNames`, `departmentPosts`), and Salesforce's `directory` setting.
 */
export interface PostMapping {
  readonly postNames?: Partial<Record<Organisation.Post, ReadonlyArray<string>>>
  readonly departmentPosts?: Readonly<Record<string, ReadonlyArray<Organisation.Post>>>
}

/** What a directory implementation gives the suite: a directory holding `sampleCompany`. */
export interface DirectoryHarness<Extra = never> {
  readonly layer: (company: typeof sampleCompany) => Layer.Layer<Directory | Extra, unknown>
  /**
   * The same directory configured with a post mapping, for directories that map host names to
   * posts (skip the case for one that holds posts as given).
   */
  readonly mapped?: (mapping: PostMapping) => Layer.Layer<Directory | Extra, unknown>
}

/** The mapping the case "posts follow the company's names and departments" configures. */
const renamedPosts: PostMapping = {
  postNames: { complaintOfficer: ["投诉受理员"] },
  departmentPosts: { "complaints-desk": ["afterSalesOfficer"], finance: ["creditOfficer"] },
}

/** The cases of the Directory conformance suite. */
export type DirectoryCase =
  | "person is found with roles and department"
  | "person is found with the posts the company maps to them"
  | "posts follow the company's names and departments"
  | "person of an unknown id fails NotFound"
  | "people by role lists only active holders"
  | "people within a department include its sub-departments"
  | "departments are listed with their parents"

/** The Directory conformance suite: in-memory, DingTalk, WeCom, HubSpot and Salesforce directories run it. */
export function directorySuite<Extra = never>(
  name: string,
  harness: DirectoryHarness<Extra>,
  company: typeof sampleCompany,
  options: SuiteOptions<DirectoryCase> = {},
): void {
  const test = (caseName: DirectoryCase, program: () => Effect.Effect<void, unknown, Directory | Extra>) =>
    conformanceCase(
      caseName,
      options,
      () =>
        caseName === "posts follow the company's names and departments" && harness.mapped !== undefined
          ? harness.mapped(renamedPosts)
          : harness.layer(company),
      program,
    )

  describe(`Directory conformance: ${name}`, () => {
    test("person is found with roles and department", () =>
      Effect.gen(function* () {
        const directory = yield* Directory
        const manager = yield* directory.person(personId("manager-qian"))
        expect(manager.roles).toContain("manager")
        expect(manager.departmentId).toBe("customer-service")
      }))

    test("person is found with the posts the company maps to them", () =>
      Effect.gen(function* () {
        const directory = yield* Directory
        for (const id of ["manager-qian", "supervisor-sun", "officer-wu"]) {
          const person = yield* directory.person(personId(id))
          expect(person.posts).toEqual(company.people.find((other) => other.id === id)!.posts)
        }
      }))

    test("posts follow the company's names and departments", () =>
      Effect.gen(function* () {
        expect(harness.mapped, "a directory that maps posts gives the suite `mapped`").toBeDefined()
        const directory = yield* Directory
        // officer-wu's host name for the post is its Chinese label, which this company renamed; the
        // complaints desk gives everyone in it the after-sales post.
        expect((yield* directory.person(personId("officer-wu"))).posts).toEqual(["afterSalesOfficer"])
        expect((yield* directory.person(personId("finance-zhou"))).posts).toEqual([
          "creditOfficer",
          "financeManager",
        ])
      }))

    test("person of an unknown id fails NotFound", () =>
      Effect.gen(function* () {
        const directory = yield* Directory
        const failure = yield* failureOf(directory.person(personId("nobody-here")))
        expect(failure.reason._tag).toBe("NotFound")
      }))

    test("people by role lists only active holders", () =>
      Effect.gen(function* () {
        const directory = yield* Directory
        const officers = yield* directory.people({ role: "officer" })
        expect(officers.map((person) => person.id).sort()).toEqual(["officer-wu", "officer-zheng"])
      }))

    test("people within a department include its sub-departments", () =>
      Effect.gen(function* () {
        const directory = yield* Directory
        const service = yield* directory.people({ departmentId: departmentId("customer-service") })
        expect(service.map((person) => person.id).sort()).toEqual([
          "manager-qian",
          "officer-wu",
          "officer-zheng",
          "supervisor-sun",
        ])
      }))

    test("departments are listed with their parents", () =>
      Effect.gen(function* () {
        const directory = yield* Directory
        const departments = yield* directory.departments()
        const desk = departments.find((department) => department.id === "complaints-desk")
        expect(desk?.parentId).toBe("customer-service")
        expect(departments.length).toBe(company.departments.length)
      }))
  })
}
