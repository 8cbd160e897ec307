import { ConfigProvider, Effect, Layer, Redacted } from "effect"
import { describe, expect, it } from "vitest"
import { createHubSpotAdapter, HubSpot, hubSpotConfig, layerConfig, make } from "../src/index.ts"
import { fakeOptions, useFakePortal } from "./support/fake-portal.ts"

useFakePortal()

const readConfig = () =>
  Effect.gen(function* () {
    return yield* hubSpotConfig()
  })

const withEnvironment = (variables: Record<string, string>) =>
  ConfigProvider.layer(ConfigProvider.fromEnv({ env: variables }))

describe("settings", () => {
  it("reads the environment, keeps secrets redacted, and applies the tier's limits", async () => {
    const options = await Effect.runPromise(
      readConfig().pipe(
        Effect.provide(
          withEnvironment({
            HUBSPOT_ACCESS_TOKEN: "pat-na1-secret",
            HUBSPOT_TIER: "enterprise",
            HUBSPOT_TIME_ZONE: "Asia/Shanghai",
            HUBSPOT_CLIENT_SECRET: "client-secret",
            HUBSPOT_LANGUAGE: "en",
          }),
        ),
      ),
    )
    expect(Redacted.isRedacted(options.accessToken)).toBe(true)
    expect(String(options.accessToken)).not.toContain("pat-na1-secret")
    expect(options).toMatchObject({ tier: "enterprise", timeZone: "Asia/Shanghai", language: "en" })
    const adapter = await Effect.runPromise(make(options))
    expect(adapter.settings).toMatchObject({
      burstPerTenSeconds: 190,
      dailyLimit: 1_000_000,
      appKind: "private",
    })
    const publicApp = await Effect.runPromise(make({ ...options, appKind: "public" }))
    expect(publicApp.settings.burstPerTenSeconds).toBe(110)
  })

  it("names the missing or bad variable", async () => {
    const missing = await Effect.runPromise(
      Effect.flip(readConfig().pipe(Effect.provide(withEnvironment({})))),
    )
    expect(String(missing)).toContain("HUBSPOT_ACCESS_TOKEN")
    const badTier = await Effect.runPromise(
      Effect.flip(
        readConfig().pipe(
          Effect.provide(withEnvironment({ HUBSPOT_ACCESS_TOKEN: "t", HUBSPOT_TIER: "platinum" })),
        ),
      ),
    )
    expect(String(badTier)).toContain("HUBSPOT_TIER")
    const layerFailure = await Effect.runPromise(
      Effect.flip(
        Effect.provide(
          Effect.gen(function* () {
            return yield* HubSpot
          }),
          layerConfig().pipe(Layer.provide(withEnvironment({}))),
        ),
      ),
    )
    expect(String(layerFailure)).toContain("HUBSPOT_ACCESS_TOKEN")
  })

  it("refuses invalid settings naming the setting", async () => {
    const zone = await Effect.runPromise(Effect.flip(make(fakeOptions({ timeZone: "Mars/Olympus" }))))
    expect(zone.reason).toMatchObject({ _tag: "InvalidRequest", fields: [{ field: "timeZone" }] })
    const burst = await Effect.runPromise(Effect.flip(make(fakeOptions({ burstPerTenSeconds: 0 }))))
    expect(burst.detail).toContain("burstPerTenSeconds")
  })

  it("creates the plain adapter from the environment and fails at once without a token", async () => {
    const previous = process.env.HUBSPOT_ACCESS_TOKEN
    delete process.env.HUBSPOT_ACCESS_TOKEN
    expect(() => createHubSpotAdapter()).toThrow(/HUBSPOT_ACCESS_TOKEN/)
    process.env.HUBSPOT_ACCESS_TOKEN = fakeOptions().accessToken as string
    try {
      const adapter = createHubSpotAdapter({ stages: fakeOptions().stages! })
      await expect(adapter.hostCrm.findCustomer("nobody")).rejects.toThrow(/run install first/)
      const plan = await adapter.install({ dryRun: false })
      expect(plan.changes.length).toBeGreaterThan(0)
      expect(await adapter.hostCrm.findCustomer("nobody")).toBeUndefined()
    } finally {
      if (previous === undefined) delete process.env.HUBSPOT_ACCESS_TOKEN
      else process.env.HUBSPOT_ACCESS_TOKEN = previous
    }
  })
})
