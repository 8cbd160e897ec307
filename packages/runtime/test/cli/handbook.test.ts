import { execFile } from "node:child_process"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { promisify } from "node:util"
import { Handbook } from "@tixi/core"
import { describe, expect, it } from "vitest"
import { handbookReport } from "../../src/cli/handbook.ts"

const here = dirname(fileURLToPath(import.meta.url))
const cli = join(here, "../../src/cli/main.ts")
const run = promisify(execFile)

describe("tixi handbook", () => {
  it("finds 客户投诉登记表 by a Chinese fragment, with its form id, then prints coverage in Chinese", () => {
    const report = handbookReport(["投诉登记"], "zh-CN")
    expect(report).toContain("004 ch.6 §3  客户投诉登记表一")
    expect(report).toContain("form complaint.registration")
    expect(report).toContain(Handbook.coverageTable("zh-CN"))
  })

  it("speaks English with --lang en and says what a partial flow lacks", () => {
    const report = handbookReport(["hospitality", "process"], "en")
    expect(report).toContain("Customer hospitality meal process")
    expect(report).toContain("[partial]")
    expect(report).toContain("missing:")
    expect(report).toContain("| module | kind | implemented |")
  })

  it("runs as a command and fails when nothing matches", async () => {
    const { stdout } = await run(process.execPath, [
      "--conditions=@tixi/source",
      cli,
      "handbook",
      "登记表",
      "--lang",
      "en",
    ])
    expect(stdout).toContain("Complaint registration form (1)")
    await expect(
      run(process.execPath, ["--conditions=@tixi/source", cli, "handbook", "没有这个表"]),
    ).rejects.toMatchObject({ code: 1 })
  })
})
