import { field, label, labelSchema, unsafeCharacterIn } from "@tixi/core"
import fc from "fast-check"
import { describe, expect, it } from "vitest"

const name = field.text({ label: label("姓名", "Name") })
const notes = field.longText({ label: label("记录", "Notes") })

describe("text fields refuse control characters, bidi overrides and lone surrogates", () => {
  it.each([
    ["NUL", "\u0000", "U+0000"],
    ["a bell", "\u0007", "U+0007"],
    ["escape", "\u001B[31m", "U+001B"],
    ["DEL", "\u007F", "U+007F"],
    ["a C1 control", "\u0085", "U+0085"],
    ["right-to-left override", "\u202E", "U+202E"],
    ["left-to-right embedding", "\u202A", "U+202A"],
    ["first strong isolate", "\u2068", "U+2068"],
    ["a lone high surrogate", "\uD83D", "U+D83D"],
    ["a lone low surrogate", "\uDE00", "U+DE00"],
  ])("%s is refused, and named", (_, character, code) => {
    expect(unsafeCharacterIn(`客户${character}名称`)).toBe(code)
    const parsed = name.schema.safeParse(`客户${character}名称`)
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues[0]?.message).toContain(code)
    expect(notes.schema.safeParse(`客户${character}名称`).success).toBe(false)
  })

  it("keeps what people write: Chinese, emoji (a surrogate pair), tabs and line breaks", () => {
    for (const text of [
      "上海恒通贸易有限公司",
      "满意 😀",
      "第一行\n第二行\r\n\t缩进",
      "O'Brien & Co. — “quoted”",
    ]) {
      expect(unsafeCharacterIn(text)).toBeUndefined()
      expect(notes.schema.safeParse(text).success).toBe(true)
    }
  })

  it("any text with an unsafe character is refused, wherever it sits", () => {
    const unsafe = fc.constantFrom(
      "\u0000",
      "\u0008",
      "\u000B",
      "\u001F",
      "\u0090",
      "\u202D",
      "\u2069",
      "\uD800",
      "\uDFFF",
    )
    fc.assert(
      fc.property(
        fc.string({ maxLength: 20 }),
        unsafe,
        fc.string({ maxLength: 20 }),
        (before, character, after) => {
          expect(notes.schema.safeParse(`x${before}${character}${after}x`).success).toBe(false)
        },
      ),
    )
  })
})

describe("labels from untrusted data refuse them too", () => {
  it("a policy's label with a bidi override is refused", () => {
    expect(labelSchema.safeParse({ "zh-CN": "经理\u202E", en: "Manager" }).success).toBe(false)
    expect(labelSchema.safeParse({ "zh-CN": "经理", en: "Manager" }).success).toBe(true)
  })
})
