import { Information } from "@tixi/core"
import { describe, expect, it } from "vitest"

const found = (kind: Information.PersonalValue["kind"], value: string): Information.PersonalValue => ({
  process: "complaint",
  instanceId: "C-1",
  sequence: 0,
  eventType: "ComplaintRegistered",
  path: ["registration", kind],
  kind,
  label: { "zh-CN": kind, en: kind },
  value,
})

const known = Information.knownPersonalValues([
  found("personId", "person-li"),
  found("name", "李雷"),
  found("phone", "139 0000 1234"),
  found("address", "上海市徐汇区漕溪北路 88 号"),
  found("name", "李雷"),
])

describe("masking a person's known values where tixi keeps them unmapped", () => {
  it("looks for each value once, a phone also as bare digits, the id never as a substring, longest first", () => {
    expect(known.map((value) => value.value)).toEqual([
      "上海市徐汇区漕溪北路 88 号",
      "139 0000 1234",
      "13900001234",
      "李雷",
    ])
  })

  it("masks every occurrence in free text with the marker of its kind", () => {
    const { masked, count } = Information.maskKnownValuesInText(
      "HostCrm refused: customer 李雷 (13900001234) at 上海市徐汇区漕溪北路 88 号; 李雷 again",
      known,
    )
    expect(count).toBe(4)
    expect(masked).toBe(
      `HostCrm refused: customer ${Information.erasedValue("name")} (${Information.erasedValue("phone")}) at ${Information.erasedValue("address")}; ${Information.erasedValue("name")} again`,
    )
  })

  it("masks a vendor's webhook body: whole ids, values inside strings, and JSON text nested in a string", () => {
    const command = JSON.stringify({
      type: "Register",
      registration: { customerId: "person-li", phone: "139 0000 1234" },
    })
    const body = {
      event: "change",
      contact: { id: "person-li", firstname: "李雷", mobile: "13900001234", note: "key person-li-2" },
      queued: { position: 0, command },
      rows: [{ value: 7 }, null],
    }
    const { masked, count } = Information.maskKnownValues(body, "person-li", known)
    expect(count).toBe(5)
    const text = JSON.stringify(masked)
    for (const { value } of known) expect(text).not.toContain(value)
    // A key that merely contains the id is not the id: idempotency keys and other ids stay intact.
    expect(masked).toMatchObject({
      contact: { id: Information.erasedValue("personId"), note: "key person-li-2" },
    })
    const nested = JSON.parse((masked as typeof body).queued.command)
    expect(nested.registration).toEqual({
      customerId: Information.erasedValue("personId"),
      phone: Information.erasedValue("phone"),
    })
    expect(body.contact.firstname).toBe("李雷")
  })

  it("returns the very same node when nothing names the person, so callers write nothing", () => {
    const body = { contact: { firstname: "韩梅梅" }, text: "{not json" }
    const result = Information.maskKnownValues(body, "person-li", known)
    expect(result.count).toBe(0)
    expect(result.masked).toBe(body)
  })
})
