import { field, Information, label } from "@tixi/core"
import { describe, expect, it } from "vitest"

const caption = label("字段", "Field")

describe("a form field accepts an erasure marker back", () => {
  it("text, telephone, customer and person fields accept the marker a PIPL erasure left", () => {
    const marker = Information.erasedValue("phone")
    for (const built of [
      field.text({ label: caption, pattern: /^[^\s@]+@[^\s@]+\.[^\s@]+$/ }),
      field.phone({ label: caption }),
      field.customer({ label: caption }),
      field.person({ label: caption }),
    ])
      expect(built.schema.parse(marker)).toBe(marker)
  })

  it("still refuses bad values with the field's own message, and trims good ones", () => {
    const phone = field.phone({ label: caption })
    const refused = phone.schema.safeParse("call me")
    expect(refused.success).toBe(false)
    expect(refused.error?.issues.map((issue) => issue.message)).toEqual(["must be a telephone number"])
    expect(phone.schema.parse(" 139 0000 1234 ")).toBe("139 0000 1234")
    // Text that merely contains a marker is ordinary text, held to the field's rules.
    expect(
      field.customer({ label: caption }).schema.safeParse(`x ${Information.erasedValue("name")}`).success,
    ).toBe(false)
  })
})
