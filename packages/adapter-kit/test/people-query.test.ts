import {
  postNameIndex,
  postsNamed,
  reveal,
  roleNameIndex,
  rolesNamed,
  selectPeople,
  subtreeOf,
} from "@tixi/adapter-kit"
import { departmentId, personId } from "@tixi/core"
import { Redacted } from "effect"
import { describe, expect, it } from "vitest"

describe("directory helpers", () => {
  it("knows roles by their Chinese labels, or by configured names", () => {
    expect(rolesNamed(roleNameIndex(), ["经理", "财务", "司机"])).toEqual(["manager", "finance"])
    const configured = roleNameIndex({ manager: ["客服经理", "经理"], supervisor: ["组长"] })
    expect(rolesNamed(configured, ["组长", "客服经理"])).toEqual(["supervisor", "manager"])
    expect(rolesNamed(configured, ["主管"])).toEqual([])
  })

  it("knows posts by their Chinese labels, or by the names the company configures", () => {
    expect(postsNamed(postNameIndex(), ["客户信用主管", "主管", "呼叫中心专员"])).toEqual([
      "callCenterAgent",
      "creditSupervisor",
    ])
    const configured = postNameIndex({ creditSupervisor: ["信用经理"], callCenterAgent: ["坐席", "话务员"] })
    expect(postsNamed(configured, ["话务员", "信用经理"])).toEqual(["callCenterAgent", "creditSupervisor"])
    expect(postsNamed(configured, ["客户信用主管"])).toEqual([])
    expect(postsNamed(configured, ["客户投诉专员"])).toEqual(["complaintOfficer"])
  })

  it("walks a department tree below a root, whatever the order", () => {
    const departments = [
      { id: 4, parentId: 3 },
      { id: 2, parentId: 1 },
      { id: 3, parentId: 2 },
      { id: 5, parentId: 1 },
      { id: 1, parentId: undefined },
    ]
    expect([...subtreeOf(2, departments)].sort()).toEqual([2, 3, 4])
    expect(subtreeOf(1, departments).size).toBe(5)
  })

  it("selects active role holders, sorted", () => {
    const person = (id: string, active: boolean) => ({
      id: personId(id),
      name: id,
      roles: ["officer" as const],
      posts: [],
      departmentId: departmentId("d"),
      managerId: undefined,
      locale: "zh-CN" as const,
      active,
      accounts: {},
    })
    const people = [person("b", true), person("a", true), person("c", false)]
    expect(selectPeople(people, { role: "officer" }).map((entry) => entry.id)).toEqual(["a", "b"])
    expect(selectPeople(people, { activeOnly: false }).length).toBe(3)
    expect(selectPeople(people, { role: "manager" })).toEqual([])
  })

  it("reveals plain and redacted secrets", () => {
    expect(reveal("s")).toBe("s")
    expect(reveal(Redacted.make("hidden"))).toBe("hidden")
    expect(String(Redacted.make("hidden"))).not.toContain("hidden")
  })
})
