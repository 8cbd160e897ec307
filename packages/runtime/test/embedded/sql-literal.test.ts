import { describe, expect, it } from "vitest"
import { jsonLiteral, literal, quote } from "../../src/embedded/sql-literal.ts"

describe("SQL literals of the embedded engine's batched writes", () => {
  it("quotes text by doubling quotes, leaving backslashes as they are (standard-conforming strings)", () => {
    expect(quote("it's")).toBe("'it''s'")
    expect(quote("C:\\data\\'x")).toBe("'C:\\data\\''x'")
    expect(quote("投诉 '紧急'")).toBe("'投诉 ''紧急'''")
  })

  it("refuses text PostgreSQL cannot store", () => {
    expect(() => quote("a\u0000b")).toThrow(/NUL/)
    expect(() => literal(Number.NaN)).toThrow(/cannot be stored/)
    expect(() => literal(Number.POSITIVE_INFINITY)).toThrow(/cannot be stored/)
  })

  it("writes numbers as quoted constants, typed by their column as parameters are", () => {
    expect(literal(42)).toBe("'42'")
    expect(literal(-7)).toBe("'-7'")
    expect(literal(1_795_369_675_072)).toBe("'1795369675072'")
    expect(literal(7306547897614573569n)).toBe("'7306547897614573569'")
    expect(literal(true)).toBe("TRUE")
    expect(literal(null)).toBe("NULL")
    expect(literal(undefined)).toBe("NULL")
  })

  it("writes JSON as a jsonb constant", () => {
    expect(jsonLiteral({ note: "客户's", n: 1 })).toBe(`'{"note":"客户''s","n":1}'::jsonb`)
    expect(jsonLiteral(undefined)).toBe("NULL")
  })
})
