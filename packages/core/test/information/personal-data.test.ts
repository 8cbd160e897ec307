import { type AnyField, Information, replay } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import {
  at,
  circulatingMatter,
  cleanAudit,
  decide,
  flow,
  manager,
  officer,
  report,
  supervisor,
  wang,
  withCopiesOut,
} from "./fixtures.ts"

/** A matter run from ① to archived with 王律师 on the circulation list, stored as the runtime stores it. */
function recordedMatter() {
  const instance = withCopiesOut(circulatingMatter())
  instance.must({ type: "ReturnCopy", at: at("2026-04-02", "10:00"), copyNumber: 2, receivedBy: officer })
  instance.must(cleanAudit)
  instance.must(report(at("2026-04-03", "11:00"), "合规"))
  instance.must(decide(instance.state, "approved", at("2026-04-03", "16:00")))
  return { instance, stored: storedEvents(instance.events) }
}

/** The events as the runtime stores them: plain JSON, numbered. */
const storedEvents = (
  events: ReadonlyArray<Information.InformationConfidentialityEvent>,
): ReadonlyArray<Information.StoredEvent> =>
  events.map((event, sequence) => ({
    process: Information.informationConfidentialityName,
    instanceId: "CONF-7",
    sequence,
    event: JSON.parse(JSON.stringify(event)),
  }))

const statusesOf = (events: ReadonlyArray<Information.StoredEvent>) => {
  const statuses: Array<string> = []
  let state = flow.initialState
  for (const { event } of events) {
    state = flow.evolve(state, event as Information.InformationConfidentialityEvent)
    statuses.push(state.status)
  }
  return statuses
}

describe("a natural person's data (PIPL)", () => {
  it("finds every value that is the person's: name, telephone and id on the circulation list, and the signature", () => {
    const { stored } = recordedMatter()
    const found = Information.findPersonalData(wang, stored)
    expect(found.map((value) => [value.eventType, value.path.join("."), value.kind, value.value])).toEqual([
      ["CirculationSet", "recipients.1.person", "personId", wang],
      ["CirculationSet", "recipients.1.name", "name", "王律师"],
      ["CirculationSet", "recipients.1.phone", "phone", "13800138000"],
      ["CopySigned", "signedBy", "personId", wang],
    ])
  })

  it("exports what tixi holds about the person with the forms' zh/en captions", () => {
    const { stored } = recordedMatter()
    const exported = Information.exportPersonalData(wang, stored)
    expect(exported.subject).toBe(wang)
    expect(exported.values.map((value) => value.label)).toEqual([
      { "zh-CN": "人员", en: "Person" },
      { "zh-CN": "姓名", en: "Name" },
      { "zh-CN": "联系电话", en: "Telephone" },
      { "zh-CN": "签收人", en: "Signed for by" },
    ])
  })

  it("erases: the replayed events give the same statuses, and no personal value is left", () => {
    const { instance, stored } = recordedMatter()
    const plan = Information.planErasure(wang, stored)
    expect(JSON.stringify(plan)).not.toContain("13800138000")
    const erased = Result.getOrThrow(Information.applyErasure(stored, plan))
    expect(statusesOf(erased)).toEqual(statusesOf(stored))
    const state = replay(
      flow,
      erased.map(({ event }) => event as Information.InformationConfidentialityEvent),
    )
    expect(state.status).toBe("archived")
    expect(state.copies.map((copy) => copy.copyNumber)).toEqual(
      instance.state.copies.map((copy) => copy.copyNumber),
    )
    for (const text of [JSON.stringify(erased), JSON.stringify(state)]) {
      expect(text).not.toContain(wang)
      expect(text).not.toContain("王律师")
      expect(text).not.toContain("13800138000")
    }
    expect(state.recipients[1]).toMatchObject({
      person: Information.erasedValue("personId"),
      name: Information.erasedValue("name"),
      phone: Information.erasedValue("phone"),
    })
    expect(Information.isErased(state.copies[1]?.signedBy)).toBe(true)
    // other people's data stays: the finance manager signed copy 1
    expect(state.copies[0]?.signedBy).toBe(manager.personId)
    expect(Information.findPersonalData(wang, erased)).toEqual([])
    // the input is left as it was
    expect(JSON.stringify(stored)).toContain("13800138000")
  })

  it("erases on the breach path too: 王律师 owned a remedy action, and the replay still reaches archived", () => {
    const instance = withCopiesOut(circulatingMatter())
    instance.must({
      ...cleanAudit,
      findings: [{ findingId: "F1", kind: "disclosure", copyNumber: 2, description: "副本 2 被转发" }],
    })
    instance.must({
      type: "ProposeRemedy",
      at: at("2026-04-03", "11:00"),
      proposer: supervisor,
      actions: [
        { actionId: "A1", findingIds: ["F1"], action: "收回并销毁转发件", owner: wang, workingDays: 2 },
      ],
    })
    instance.must(decide(instance.state, "approved", at("2026-04-03", "14:00")))
    instance.must({ type: "FollowUpRemedy", at: instance.state.actions[0]!.ladder!.dueAt })
    instance.must({
      type: "ReportActionDone",
      at: at("2026-04-08", "10:00"),
      actionId: "A1",
      reporter: supervisor,
      feedback: "已销毁",
    })
    instance.must(report(at("2026-04-08", "11:00"), "已补救"))
    instance.must(decide(instance.state, "approved", at("2026-04-08", "16:00")))
    const stored = storedEvents(instance.events)
    const plan = Information.planErasure(wang, stored)
    expect(plan.replacements.map((each) => each.path.join("."))).toContain("actions.0.owner")
    const erased = Result.getOrThrow(Information.applyErasure(stored, plan))
    expect(statusesOf(erased)).toEqual(statusesOf(stored))
    const state = replay(
      flow,
      erased.map(({ event }) => event as Information.InformationConfidentialityEvent),
    )
    expect(state.status).toBe("archived")
    expect(state.actions[0]).toMatchObject({ owner: Information.erasedValue("personId"), level: 1 })
    expect(JSON.stringify(state)).not.toContain(wang)
  })

  it("refuses a plan that does not fit the events, rewriting nothing; applying it again changes nothing", () => {
    const { stored } = recordedMatter()
    const plan = Information.planErasure(wang, stored)
    const missing = Information.applyErasure(stored.slice(0, 3), plan)
    expect(Result.isFailure(missing) && missing.failure).toMatchObject({
      _tag: "ErasureMismatch",
      sequence: 6,
      path: "signedBy",
      reason: "no such stored event",
    })
    const once = Result.getOrThrow(Information.applyErasure(stored, plan))
    expect(Information.applyErasure(once, plan)).toEqual(Result.succeed(once))
    const stray = Information.applyErasure(stored, {
      replacements: [{ ...plan.replacements[0]!, path: ["recipients", 9, "name"] }],
    })
    expect(Result.isFailure(stray) && stray.failure).toMatchObject({
      _tag: "ErasureMismatch",
      path: "recipients.9.name",
      reason: "no stored text value at this path",
    })
  })
})

describe("confidentiality levels and personal fields of the information forms", () => {
  const forms = [
    Information.classificationForm,
    Information.circulationForm,
    Information.transferRegisterForm,
    Information.auditFindingsForm,
    Information.remedyForm,
    Information.reportForm,
  ]

  /** A form field's or a table column's (`table.column`) resolved level. */
  const levelOf = (form: (typeof forms)[number], path: string) => {
    const [name = "", column] = path.split(".")
    const field = form.fields[name as keyof typeof form.fields] as {
      confidentiality?: string
      columns?: Record<string, { confidentiality?: string }>
    }
    return column === undefined ? field.confidentiality : field.columns?.[column]?.confidentiality
  }

  it("lists the flow's six forms, each field and column with its level on the form itself", () => {
    expect(Information.informationForms.map((form) => form.id)).toEqual(forms.map((form) => form.id))
    expect(levelOf(Information.circulationForm, "matterId")).toBe("internal")
    expect(levelOf(Information.circulationForm, "recipients.clearance")).toBe("internal")
    expect(levelOf(Information.circulationForm, "recipients.phone")).toBe("secret")
    expect(levelOf(Information.auditFindingsForm, "findings.kind")).toBe("internal")
    expect(levelOf(Information.auditFindingsForm, "findings.description")).toBe("secret")
    expect(levelOf(Information.reportForm, "summary")).toBe("secret")
    // A table shows or masks whole: the circulation list is as secret as a named person's phone on it.
    expect(levelOf(Information.circulationForm, "recipients")).toBe("secret")
  })

  it("keeps 自然人 personal data at least 秘密, as the handbooks require", () => {
    expect(Information.informationPersonalFields.length).toBeGreaterThanOrEqual(4)
    for (const entry of Information.informationPersonalFields) {
      const form = forms.find((candidate) => candidate.id === entry.form.id)
      expect(form, entry.form.id).toBeDefined()
      expect(["secret", "confidential"], `${entry.form.id}.${entry.field}`).toContain(
        levelOf(form!, entry.field),
      )
    }
  })

  it("lists every telephone field personal by its kind: a phone number is always someone's", () => {
    const phones = forms.flatMap((form) =>
      Object.entries(form.fields).flatMap(([name, field]) => {
        const columns =
          "columns" in field ? Object.entries(field.columns as Record<string, { kind: string }>) : []
        return [
          ...(field.kind === "phone" ? [`${form.id} ${name}`] : []),
          ...columns
            .filter(([, column]) => column.kind === "phone")
            .map(([column]) => `${form.id} ${name}.${column}`),
        ]
      }),
    )
    expect(phones.length).toBeGreaterThan(0)
    const listed = Information.informationPersonalFields
      .filter((entry) => entry.kind === "phone")
      .map((entry) => `${entry.form.id} ${entry.field}`)
    expect(listed.sort()).toEqual(phones.sort())
  })

  it("labels every field in zh-CN and en", () => {
    for (const form of forms)
      for (const field of Object.values(form.fields)) {
        expect(field.label["zh-CN"].length, form.id).toBeGreaterThan(0)
        expect(field.label.en.length, form.id).toBeGreaterThan(0)
      }
  })

  it("lists other forms' 自然人 fields where they really are, each with why", () => {
    for (const entry of Information.personalFieldsElsewhere) {
      // `table.column` names a column of a table field.
      const [name, column] = entry.field.split(".")
      const top = entry.form.fields[name!] as { readonly columns?: Record<string, AnyField> } | undefined
      const field = column === undefined ? (top as AnyField | undefined) : top?.columns?.[column]
      expect(field, `${entry.form.id}.${entry.field}`).toBeDefined()
      if (entry.kind === "phone") expect(field?.kind).toBe("phone")
      else expect(field?.kind).toBe("text")
      expect(entry.why.en.length).toBeGreaterThan(0)
    }
  })
})

describe("a complainant's data in the complaint process's events (PIPL)", () => {
  const registration = {
    customerId: "person-wei",
    customerName: "魏兰",
    phone: "137 0000 0001",
    email: "wei@example.cn",
    organization: "某公司",
  }
  const stored = [
    {
      process: "complaint",
      instanceId: "C-1",
      sequence: 0,
      event: { type: "ComplaintRegistered", registration },
    },
    {
      process: "complaint",
      instanceId: "C-2",
      sequence: 0,
      event: { type: "ComplaintRegistered", registration: { ...registration, customerId: "someone-else" } },
    },
  ]

  it("finds the registration's name, telephone and e-mail of the person named by customerId, and no one else's", () => {
    const found = Information.findPersonalData("person-wei", stored, Information.hostedPersonalLocations)
    expect(found.map((value) => [value.instanceId, value.kind, value.value])).toEqual([
      ["C-1", "name", "魏兰"],
      ["C-1", "phone", "137 0000 0001"],
      ["C-1", "email", "wei@example.cn"],
      ["C-1", "personId", "person-wei"],
    ])
    expect(found[0]?.label["zh-CN"]).toBe("投诉客户姓名")
  })

  it("lists a location for every hosted process with personal fields: information and complaints", () => {
    const processes = new Set(Information.hostedPersonalLocations.map((location) => location.process))
    expect([...processes].sort()).toEqual(["complaint", Information.informationConfidentialityName].sort())
  })
})
