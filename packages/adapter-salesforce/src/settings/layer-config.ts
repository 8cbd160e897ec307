import { Config, Effect, Option, Redacted } from "effect"
import type { SalesforceSettings } from "./settings.ts"

/** The environment variables `layerConfig` reads. */
export const environmentVariables = {
  loginUrl: "SALESFORCE_LOGIN_URL",
  apiVersion: "SALESFORCE_API_VERSION",
  clientId: "SALESFORCE_CLIENT_ID",
  username: "SALESFORCE_USERNAME",
  privateKey: "SALESFORCE_PRIVATE_KEY",
  privateKeyFile: "SALESFORCE_PRIVATE_KEY_FILE",
  accessToken: "SALESFORCE_ACCESS_TOKEN",
  instanceUrl: "SALESFORCE_INSTANCE_URL",
  personAccounts: "SALESFORCE_PERSON_ACCOUNTS",
  users: "SALESFORCE_USERS",
} as const

/** A configuration problem, naming the variable to set. */
export class SalesforceConfigError extends Error {
  override readonly name = "SalesforceConfigError"
}

const optional = (name: string) => Config.option(Config.String(name))

/**
 * Settings from the environment: the JWT flow (`SALESFORCE_CLIENT_ID`, `SALESFORCE_USERNAME` and
 * `SALESFORCE_PRIVATE_KEY` — the PEM itself, `\n` escapes allowed — or
 * `SALESFORCE_PRIVATE_KEY_FILE`) or an access token (`SALESFORCE_ACCESS_TOKEN` with
 * `SALESFORCE_INSTANCE_URL`), and optionally `SALESFORCE_USERS`, JSON mapping tixi person ids to
 * User Ids. Secrets stay `Redacted`. A missing or unreadable variable fails naming it.
 */
export const settingsFromEnvironment = (
  extra: Omit<SalesforceSettings, "credentials" | "loginUrl" | "apiVersion"> = {},
) =>
  Effect.gen(function* () {
    const read = (name: string) => Effect.map(optional(name), Option.getOrUndefined)
    const accessToken = yield* Effect.map(
      Config.option(Config.Redacted(environmentVariables.accessToken)),
      Option.getOrUndefined,
    )
    const loginUrl = yield* read(environmentVariables.loginUrl)
    const apiVersion = yield* read(environmentVariables.apiVersion)
    const personAccounts = yield* read(environmentVariables.personAccounts)
    const usersText = yield* read(environmentVariables.users)
    let users: Record<string, string> | undefined
    if (usersText !== undefined) {
      try {
        const parsed = JSON.parse(usersText) as unknown
        if (
          !parsed ||
          typeof parsed !== "object" ||
          Array.isArray(parsed) ||
          !Object.values(parsed).every((value) => typeof value === "string")
        ) {
          throw new TypeError("not an object of strings")
        }
        users = parsed as Record<string, string>
      } catch (error) {
        return yield* Effect.fail(
          new SalesforceConfigError(
            `${environmentVariables.users} must be JSON like {"manager-qian":"005…"} (${String(error)})`,
          ),
        )
      }
    }
    const common = {
      ...extra,
      ...(users === undefined ? {} : { users: { ...users, ...extra.users } }),
      ...(loginUrl === undefined ? {} : { loginUrl }),
      ...(apiVersion === undefined ? {} : { apiVersion }),
      ...(personAccounts === undefined ? {} : { personAccounts: personAccounts === "true" }),
    }
    if (accessToken !== undefined) {
      const instanceUrl = yield* read(environmentVariables.instanceUrl)
      if (instanceUrl === undefined) {
        return yield* Effect.fail(
          new SalesforceConfigError(
            `${environmentVariables.instanceUrl} is not set (needed with ${environmentVariables.accessToken})`,
          ),
        )
      }
      return {
        ...common,
        credentials: { kind: "accessToken", accessToken, instanceUrl },
      } satisfies SalesforceSettings
    }
    const clientId = yield* read(environmentVariables.clientId)
    const username = yield* read(environmentVariables.username)
    const privateKey = yield* Effect.map(
      Config.option(Config.Redacted(environmentVariables.privateKey)),
      Option.getOrUndefined,
    )
    const privateKeyFile = yield* read(environmentVariables.privateKeyFile)
    const missing = [
      ...(clientId === undefined ? [environmentVariables.clientId] : []),
      ...(username === undefined ? [environmentVariables.username] : []),
      ...(privateKey === undefined && privateKeyFile === undefined
        ? [`${environmentVariables.privateKey} or ${environmentVariables.privateKeyFile}`]
        : []),
    ]
    if (missing.length > 0) {
      return yield* Effect.fail(
        new SalesforceConfigError(
          `${missing.join(", ")} ${missing.length > 1 ? "are" : "is"} not set (or set ${environmentVariables.accessToken} and ${environmentVariables.instanceUrl})`,
        ),
      )
    }
    return {
      ...common,
      credentials: {
        kind: "jwt",
        clientId: clientId!,
        username: username!,
        ...(privateKey === undefined
          ? { privateKeyFile: privateKeyFile! }
          : { privateKey: Redacted.make(Redacted.value(privateKey).replace(/\\n/g, "\n")) }),
      },
    } satisfies SalesforceSettings
  }).pipe(
    Effect.mapError((error) =>
      error instanceof SalesforceConfigError ? error : new SalesforceConfigError(String(error)),
    ),
  )
