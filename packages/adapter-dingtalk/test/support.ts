import { type AnyForm, defineForm, field, label, Organisation } from "@tixi/core"
import { sampleCompany } from "@tixi/testing"
import type { DingTalkSettings } from "../src/settings.ts"
import { type DingTalkFakeOptions, startDingTalkFake } from "../src/testing/dingtalk-fake.ts"

/** The conformance suite's form (`complaint.remedyApproval`), as a module would define it. */
export const remedyApprovalForm = defineForm({
  id: "complaint.remedyApproval",
  title: label("投诉补偿审批", "Complaint remedy approval"),
  fields: {
    complaintNumber: field.text({ label: label("受理编号", "Complaint number") }),
    amount: field.money({ label: label("补偿金额", "Remedy amount") }),
  },
}) as unknown as AnyForm

/** sampleCompany's departments as DingTalk dept_ids (the root is always 1). */
export const deptIds: Readonly<Record<string, number>> = {
  "head-office": 1,
  "customer-service": 2,
  "complaints-desk": 3,
  quality: 4,
  finance: 5,
  logistics: 6,
}

/** sampleCompany's people as DingTalk users (`accounts.dingtalk`), with their roles by Chinese name
 * and their post as job title. */
export const companyUsers = sampleCompany.people.map((person) => ({
  userid: person.accounts.dingtalk!,
  name: person.name,
  deptIds: [deptIds[person.departmentId]!],
  ...(person.managerId === undefined
    ? {}
    : {
        managerUserid: sampleCompany.people.find((other) => other.id === person.managerId)!.accounts
          .dingtalk!,
      }),
  roles: person.roles.map(
    (role) =>
      ({
        officer: "专员",
        supervisor: "主管",
        manager: "经理",
        director: "总监",
        generalManager: "总经理",
        finance: "财务",
      })[role],
  ),
  // The post as the user's job title (职位), by its default Chinese name.
  ...(person.posts[0] === undefined ? {} : { title: Organisation.Post.label(person.posts[0], "zh-CN") }),
  active: person.active,
}))

export const companyDepartments = sampleCompany.departments.map((department) => ({
  deptId: deptIds[department.id]!,
  name: department.name,
  ...(department.parentId === undefined ? {} : { parentId: deptIds[department.parentId]! }),
  ...(department.headId === undefined
    ? {}
    : {
        managers: [
          sampleCompany.people.find((person) => person.id === department.headId)!.accounts.dingtalk!,
        ],
      }),
}))

export const appKey = "dingfakeappkey01"
export const appSecret = "fake-app-secret"
export const corpId = "dingfakecorp0001"

/** A fake DingTalk seeded with sampleCompany. */
export const startCompanyFake = (options: Partial<DingTalkFakeOptions> = {}) =>
  startDingTalkFake({
    appKey,
    appSecret,
    corpId,
    users: companyUsers,
    departments: companyDepartments,
    ...options,
  })

/** Adapter settings pointing at the fake, with sampleCompany's id mapping. */
export function settingsFor(url: string, extra: Partial<DingTalkSettings> = {}): DingTalkSettings {
  return {
    appKey,
    appSecret,
    corpId,
    apiBaseUrl: url,
    oapiBaseUrl: url,
    forms: [remedyApprovalForm],
    ids: {
      people: Object.fromEntries(
        sampleCompany.people.map((person) => [person.id, person.accounts.dingtalk!]),
      ),
      departments: deptIds,
    },
    timeoutMillis: 5_000,
    ...extra,
  }
}

/** The keys of the callback subscription the tests configure on both sides. */
export const callbackKeys = { token: "tixitoken1", aesKey: "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG" }

/** Keys of the intake-source tests: DingTalk's sample AES key, an app-key subscription. */
export const intakeKeys = {
  token: "tixi-callback-token",
  aesKey: "1234567890123456789012345678901234567890123",
  ownerKey: { kind: "appKey" as const, value: "dingtixiapp0001" },
}

/** The same keys as adapter-kit's message crypto takes them, to seal pushes as DingTalk does. */
export const intakeSealing = {
  token: intakeKeys.token,
  aesKey: intakeKeys.aesKey,
  owner: { kind: "appKey", value: intakeKeys.ownerKey.value },
}
