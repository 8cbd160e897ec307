import { describe, expect, it } from "vitest"
import { Post } from "../../src/organisation/index.ts"

describe("the posts of the handbooks", () => {
  it("names each post once in each language, so a directory title maps to one post", () => {
    for (const locale of ["zh-CN", "en"] as const) {
      const names = Post.values.map((post) => Post.label(post, locale))
      expect(new Set(names).size).toBe(names.length)
    }
  })

  it("holds the 19 role descriptions of 004 and the four posts of 000 among its values", () => {
    const titles = Post.values.map((post) => Post.label(post, "zh-CN"))
    for (const title of ["客户投诉专员", "呼叫中心组长", "客户信息主管", "客户信用专员", "服务质量主管"])
      expect(titles).toContain(title)
    expect(
      Post.values.filter((post) => /Supervisor|Officer|Agent|TeamLeader|Manager/.test(post)).length,
    ).toBeGreaterThanOrEqual(24)
  })
})
