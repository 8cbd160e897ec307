import { type AnyForm, defineForm, field, label, Organisation } from "@tixi/core"
import { sampleCompany } from "@tixi/testing"
import type { WeComSettings } from "../src/settings.ts"
import { startWeComFake, type WeComFakeOptions } from "../src/testing/wecom-fake.ts"

/** The conformance suite's form (`complaint.remedyApproval`), as a module would define it. */
export const remedyApprovalForm = defineForm({
  id: "complaint.remedyApproval",
  title: label("投诉补偿审批", "Complaint remedy approval"),
  fields: {
    complaintNumber: field.text({ label: label("受理编号", "Complaint number") }),
    amount: field.money({ label: label("补偿金额", "Remedy amount") }),
  },
}) as unknown as AnyForm

export const departmentIds: Readonly<Record<string, number>> = {
  "head-office": 1,
  "customer-service": 2,
  "complaints-desk": 3,
  quality: 4,
  finance: 5,
  logistics: 6,
}

const roleTag = {
  officer: "专员",
  supervisor: "主管",
  manager: "经理",
  director: "总监",
  generalManager: "总经理",
  finance: "财务",
} as const

export const corpId = "ww5823bf96d3bd56c7"
export const corpSecret = "fake-approval-secret"

/** A fake WeCom seeded with sampleCompany (people as `accounts.wecom`, roles as tags, posts as positions). */
export const startCompanyFake = (options: Partial<WeComFakeOptions> = {}) =>
  startWeComFake({
    corpId,
    corpSecret,
    members: sampleCompany.people.map((person) => ({
      userid: person.accounts.wecom!,
      name: person.name,
      departments: [departmentIds[person.departmentId]!],
      ...(person.managerId === undefined
        ? {}
        : {
            directLeader: sampleCompany.people.find((other) => other.id === person.managerId)!.accounts
              .wecom!,
          }),
      tags: person.roles.map((role) => roleTag[role]),
      // The post as the member's position (职务), by its default Chinese name.
      ...(person.posts[0] === undefined
        ? {}
        : { position: Organisation.Post.label(person.posts[0], "zh-CN") }),
      status: person.active ? 1 : 5,
    })),
    departments: sampleCompany.departments.map((department) => ({
      id: departmentIds[department.id]!,
      name: department.name,
      ...(department.parentId === undefined ? {} : { parentId: departmentIds[department.parentId]! }),
      ...(department.headId === undefined
        ? {}
        : {
            leaders: [
              sampleCompany.people.find((person) => person.id === department.headId)!.accounts.wecom!,
            ],
          }),
    })),
    ...options,
  })

/** Adapter settings pointing at the fake, with sampleCompany's id mapping. */
export function settingsFor(url: string, extra: Partial<WeComSettings> = {}): WeComSettings {
  return {
    corpId,
    corpSecret,
    baseUrl: url,
    forms: [remedyApprovalForm],
    ids: {
      people: Object.fromEntries(sampleCompany.people.map((person) => [person.id, person.accounts.wecom!])),
      departments: departmentIds,
    },
    timeoutMillis: 5_000,
    ...extra,
  }
}
