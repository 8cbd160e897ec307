import { createVerify } from "node:crypto"
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import {
  audienceFor,
  createSalesforceAdapter,
  layerConfig,
  make,
  parseSalesforceSettings,
  signJwtAssertion,
} from "@tixi/adapter-salesforce"
import { createFakeSalesforce } from "@tixi/adapter-salesforce/fake"
import { HostCrm, type ValidationError } from "@tixi/core"
import { ConfigProvider, Effect, Layer, Redacted, Result } from "effect"
import { describe, expect, it } from "vitest"
import { server, settingsFor, trackSoql, useMsw } from "./support/fake-org-harness.ts"

useMsw()

describe("settings", () => {
  it("names every bad field", () => {
    const parsed = parseSalesforceSettings({
      credentials: { kind: "jwt", clientId: "", username: "u@x", privateKey: Redacted.make("not a key") },
      apiVersion: "50",
      users: { "officer-wu": "003xx" },
      externalIdField: "Key",
      escalatedBy: " ",
      timeZone: "Mars/Olympus",
    })
    expect(Result.isFailure(parsed)).toBe(true)
    const failure = (parsed as Result.Failure<never, ValidationError>).failure
    expect(failure.issues.map((issue) => issue.path.join("."))).toEqual([
      "credentials.clientId",
      "credentials.privateKey",
      "apiVersion",
      "externalIdField",
      "escalatedBy",
      "users.officer-wu",
      "timeZone",
    ])
  })

  it("keeps a Bulk upload within 150 MB after base64 encoding: 100 MiB raw by default, at most 112.5 MB", () => {
    const base = {
      credentials: {
        kind: "accessToken" as const,
        accessToken: Redacted.make("t"),
        instanceUrl: "https://x.my.salesforce.com",
      },
    }
    const defaults = parseSalesforceSettings(base)
    expect(Result.isSuccess(defaults) && defaults.success.bulkUploadMaxBytes).toBe(100 * 1024 * 1024)
    expect(Math.ceil((100 * 1024 * 1024) / 3) * 4).toBeLessThanOrEqual(150_000_000)
    for (const bulkUploadMaxBytes of [112_500_001, 0, 1.5]) {
      const parsed = parseSalesforceSettings({ ...base, bulkUploadMaxBytes })
      expect(Result.isFailure(parsed)).toBe(true)
      const failure = (parsed as Result.Failure<never, ValidationError>).failure
      expect(failure.issues.map((issue) => issue.path.join("."))).toEqual(["bulkUploadMaxBytes"])
    }
  })

  it("pins the API version to 66.0 unless told otherwise", () => {
    const parsed = parseSalesforceSettings({
      credentials: {
        kind: "accessToken",
        accessToken: Redacted.make("t"),
        instanceUrl: "https://x.my.salesforce.com",
      },
    })
    expect(Result.isSuccess(parsed) && parsed.success.apiVersion).toBe("66.0")
  })

  it("throws the ValidationError from the plain factory", () => {
    expect(() =>
      createSalesforceAdapter({
        credentials: { kind: "accessToken", accessToken: Redacted.make(""), instanceUrl: "nope" },
      }),
    ).toThrow(/credentials\.accessToken/)
  })

  it("reads settings from the environment and names a missing variable", async () => {
    const missing = await Effect.runPromise(
      Effect.flip(
        Layer.build(layerConfig()).pipe(
          Effect.scoped,
          Effect.provide(ConfigProvider.layer(ConfigProvider.fromUnknown({ SALESFORCE_CLIENT_ID: "abc" }))),
        ),
      ),
    )
    expect(String((missing as Error).message)).toContain("SALESFORCE_USERNAME")
    expect(String((missing as Error).message)).toContain(
      "SALESFORCE_PRIVATE_KEY or SALESFORCE_PRIVATE_KEY_FILE",
    )
    const token = await Effect.runPromise(
      Effect.flip(
        Layer.build(layerConfig()).pipe(
          Effect.scoped,
          Effect.provide(
            ConfigProvider.layer(ConfigProvider.fromUnknown({ SALESFORCE_ACCESS_TOKEN: "abc" })),
          ),
        ),
      ),
    )
    expect(String((token as Error).message)).toContain("SALESFORCE_INSTANCE_URL")
    const users = await Effect.runPromise(
      Effect.flip(
        Layer.build(layerConfig()).pipe(
          Effect.scoped,
          Effect.provide(
            ConfigProvider.layer(
              ConfigProvider.fromUnknown({
                SALESFORCE_ACCESS_TOKEN: "abc",
                SALESFORCE_INSTANCE_URL: "https://x.my.salesforce.com",
                SALESFORCE_USERS: "[1]",
              }),
            ),
          ),
        ),
      ),
    )
    expect(String((users as Error).message)).toContain("SALESFORCE_USERS must be JSON")
  })

  it("builds the layer from the environment with an in-memory key", async () => {
    const fake = trackSoql(createFakeSalesforce())
    server.resetHandlers(...fake.handlers)
    const environment = ConfigProvider.fromUnknown({
      SALESFORCE_CLIENT_ID: fake.clientId,
      SALESFORCE_USERNAME: fake.username,
      SALESFORCE_PRIVATE_KEY: fake.keys.privateKeyPem.replace(/\n/g, "\\n"),
      SALESFORCE_LOGIN_URL: fake.org.loginUrl,
    })
    const found = await Effect.runPromise(
      Effect.gen(function* () {
        return yield* (yield* HostCrm).findCase("none")
      }).pipe(Effect.provide(layerConfig()), Effect.provide(ConfigProvider.layer(environment))),
    )
    expect(found).toBeUndefined()
  })
})

describe("JWT bearer flow", () => {
  it("signs an RS256 assertion the app's certificate verifies, with exp in seconds", () => {
    const fake = trackSoql(createFakeSalesforce())
    const assertion = signJwtAssertion(
      { issuer: "id", subject: "u", audience: "https://login.salesforce.com", expiresAt: 1_800_000_000 },
      fake.keys.privateKeyPem,
    )
    const [header, payload, signature] = assertion.split(".")
    const verifier = createVerify("RSA-SHA256")
    verifier.update(`${header}.${payload}`)
    expect(verifier.verify(fake.keys.publicKeyPem, Buffer.from(signature!, "base64url"))).toBe(true)
    expect(JSON.parse(Buffer.from(payload!, "base64url").toString())).toEqual({
      iss: "id",
      sub: "u",
      aud: "https://login.salesforce.com",
      exp: 1_800_000_000,
    })
  })

  it("uses the sandbox audience for sandbox login URLs", () => {
    expect(audienceFor("https://test.salesforce.com")).toBe("https://test.salesforce.com")
    expect(audienceFor("https://acme--uat.sandbox.my.salesforce.com")).toBe("https://test.salesforce.com")
    expect(audienceFor("https://acme.my.salesforce.com")).toBe("https://login.salesforce.com")
  })

  it("reads the key from a file at sign-in", async () => {
    const fake = trackSoql(createFakeSalesforce())
    server.resetHandlers(...fake.handlers)
    const folder = mkdtempSync(join(tmpdir(), "tixi-sf-"))
    const keyFile = join(folder, "server.key")
    writeFileSync(keyFile, fake.keys.privateKeyPem)
    const base = settingsFor(fake)
    const adapter = await Effect.runPromise(
      make({
        ...base,
        credentials: {
          kind: "jwt",
          clientId: fake.clientId,
          username: fake.username,
          privateKeyFile: keyFile,
        },
      }),
    )
    expect(await Effect.runPromise(adapter.hostCrm.findCase("x"))).toBeUndefined()
    const missing = await Effect.runPromise(
      make({
        ...base,
        credentials: {
          kind: "jwt",
          clientId: fake.clientId,
          username: fake.username,
          privateKeyFile: join(folder, "gone.key"),
        },
      }),
    )
    const failure = await Effect.runPromise(Effect.flip(missing.hostCrm.findCase("x")))
    expect(failure.reason._tag).toBe("Unauthorized")
    expect(failure.detail).toContain("gone.key")
  })

  it("fails Unauthorized when the org does not know the user", async () => {
    const fake = trackSoql(createFakeSalesforce())
    server.resetHandlers(...fake.handlers)
    const adapter = await Effect.runPromise(
      make({
        ...settingsFor(fake),
        credentials: {
          kind: "jwt",
          clientId: fake.clientId,
          username: "stranger@else.example",
          privateKey: Redacted.make(fake.keys.privateKeyPem),
        },
      }),
    )
    const failure = await Effect.runPromise(Effect.flip(adapter.hostCrm.findCase("x")))
    expect(failure.reason._tag).toBe("Unauthorized")
    expect(failure.vendor?.code).toBe("invalid_grant")
  })
})
