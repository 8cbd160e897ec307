import {
  CallCenter,
  commandShape,
  commandUnion,
  defineFlow,
  formCommandField,
  ValidationError,
} from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"

// A one-step flow whose command carries the 呼出记录表 (outbound call record) as its `record` field.
const commands = commandUnion(commandShape("File", { record: formCommandField(CallCenter.outboundCallForm) }))
const flow = defineFlow({
  name: "kit.form-field",
  initialState: { status: "open" },
  commands,
  idOf: () => "F-1",
  finished: ["filed"],
  steps: { File: (_state, command, decision) => decision.accept({ type: "Filed", at: command.at }) },
  folds: { Filed: () => ({ status: "filed" }) },
})
const record = {
  calledOrganisation: "华中批发",
  startedAt: 1_000,
  endedAt: 61_000,
  caller: "agent-07",
  callerNumber: "A07",
  customerName: "李经理",
  content: "新品促销",
}
const issuesOf = (input: unknown) => {
  const decided = flow.decide(flow.initialState, input as never)
  return Result.isFailure(decided) && decided.failure instanceof ValidationError
    ? decided.failure.issues.map((issue) => issue.path)
    : []
}

describe("formCommandField", () => {
  it("accepts a command whose form is complete and consistent", () => {
    expect(Result.isSuccess(flow.decide(flow.initialState, { type: "File", at: 2_000, record }))).toBe(true)
  })

  it("names the command field and the missing box", () => {
    const { content: _, ...withoutContent } = record
    expect(issuesOf({ type: "File", at: 2_000, record: withoutContent })).toEqual([["record", "content"]])
  })

  it("applies the form's cross-field rules under the command field", () => {
    expect(issuesOf({ type: "File", at: 2_000, record: { ...record, endedAt: 500 } })).toEqual([
      ["record", "endedAt"],
    ])
  })
})
