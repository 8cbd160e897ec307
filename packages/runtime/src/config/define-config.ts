import {
  type AccessPolicy,
  defaultAccessPolicy,
  type EffectPorts,
  fromZodIssues,
  Organisation,
  parseAccessPolicy,
  ValidationError,
  type ValidationIssue,
} from "@tixi/core"
import { type Layer, Redacted, Result } from "effect"
import { z } from "zod"
import { minAdminTokenLength } from "../admin/admin-server.ts"
import type { HostedProcess } from "../engine/hosted-process.ts"
import type { RetryPolicy } from "../engine/retry-policy.ts"
import { defaultRetainDeliveredMillis } from "../intake/intake-pruning.ts"
import type { ChangeFeed, IntakeSource } from "../intake/intake-source.ts"

type OrganisationPolicy = Organisation.OrganisationPolicy

/**
 * The organisation a configuration without one reads under: the 中小型企业 chart (004 ch.1 §2),
 * the one the demo's simulated company runs on. A company that has not described its own chart
 * is most likely the small service department tixi is first installed in; the 大型企业 chart
 * would give it posts (客服总监, 客户信用主管) nobody holds. A company with the full chart sets
 * `organisation: Organisation.largeEnterpriseOrganisation`.
 */
export const defaultConfigOrganisation: OrganisationPolicy = Organisation.smallEnterpriseOrganisation

/** What `tixi.config.ts` exports: the processes to host, the host adapters, and how to run them. */
export interface TixiConfigInput {
  /** The processes this runtime hosts (`hostProcess(definition, { route })`). */
  readonly processes: ReadonlyArray<HostedProcess>
  /** The host adapters providing the ports effects use: HostCrm, Approvals, Directory, Notifier. */
  readonly host: Layer.Layer<EffectPorts, unknown>
  /**
   * Where instances are kept. Default: PGlite in `.tixi/data` (no server to install). For
   * PostgreSQL the URL is a secret: leave it out here and set `TIXI_DATABASE_URL`.
   */
  readonly database?:
    | {
        readonly kind: "pglite"
        readonly folder?: string
        /**
         * Free space kept on the folder's disk (default 256 MiB): below it the intake answers 503
         * so vendors retry later, instead of filling the disk until the database must stop.
         */
        readonly minFreeDiskBytes?: number
      }
    | { readonly kind: "postgres"; readonly url?: Redacted.Redacted; readonly maxConnections?: number }
  /** This runner among several on one PostgreSQL (`TIXI_RUNNER_ID`), and the cluster's tuning. */
  readonly runner?: {
    /**
     * The engine: `embedded` (one runner; the default on PGlite) or `cluster` (several runners
     * sharing PostgreSQL; the default there). The process definitions are the same on both.
     */
    readonly engine?: "embedded" | "cluster"
    readonly id?: string
    readonly shards?: number
    readonly pollIntervalMillis?: number
    readonly shardLeaseMillis?: number
  }
  /** The webhook intake (`TIXI_INTAKE_PORT`); `false` runs without one. */
  readonly intake?:
    | false
    | {
        readonly port?: number
        readonly host?: string
        readonly sources?: ReadonlyArray<IntakeSource>
        /**
         * Changes tixi reads rather than is sent (`hostPollingFeed`, Salesforce's Change Data
         * Capture): kept with the webhook events and delivered the same way.
         */
        readonly feeds?: ReadonlyArray<ChangeFeed>
        readonly maxBodyBytes?: number
        /** Events one request may carry (default 1,000; HubSpot sends at most 100); more: 413. */
        readonly maxEventsPerRequest?: number
        /** Sockets the intake keeps open at once (default 1,000); further connections are closed. */
        readonly maxConnections?: number
        /** A client must send its headers within this long (default 10 s), or gets 408. */
        readonly headersTimeoutMillis?: number
        /** A client must send its whole request within this long (default 30 s), or gets 408. */
        readonly requestTimeoutMillis?: number
        /**
         * How long delivered events are kept to recognise vendors' retries (default 7 days); keep
         * it longer than the longest retry window served (HubSpot 24 h, Salesforce CDC 72 h).
         */
        readonly retainDeliveredMillis?: number
      }
  /** How effects are retried before they are parked as dead letters. */
  readonly retry?: Partial<RetryPolicy>
  /**
   * How `tixi status` / `tixi retry` reach a runner holding an embedded database: its admin
   * endpoints, on a listener of their own (never the intake's).
   */
  readonly admin?: {
    /**
     * The bearer token (`TIXI_ADMIN_TOKEN`), at least 32 characters. Left out on PGlite, the
     * runner generates one and keeps it in `<folder>/admin.token` (0600) while it runs.
     */
    readonly token?: Redacted.Redacted
    /** The unix socket to listen on (made 0600). Default on PGlite: `<folder>/admin.sock`. */
    readonly socket?: string
    /** A loopback port to listen on instead of the socket (127.0.0.1 only). */
    readonly port?: number
  }
  /**
   * The company's organisation (its chart: preset, renamed, merged and added posts, per-post
   * authority): who a person the directory names is when they read through `tixi status --as`,
   * the admin instance read and the audit trail. Default: `defaultConfigOrganisation` (the
   * 中小型企业 chart). To make the hosted processes' authority follow the same chart, build their
   * policies with `Organisation.withChartAuthority(Organisation.organisationOf(organisation), policy)`.
   */
  readonly organisation?: OrganisationPolicy
  /** The company's access rules (levels it sets on fields, need-to-know). Default: `defaultAccessPolicy`. */
  readonly access?: AccessPolicy
}

/**
 * Declares a runtime configuration with types checked as you write it. The values are validated
 * (and secrets read from the environment) when the runtime loads the file, so one mistake shows
 * every problem at once, each naming its setting.
 */
export const defineConfig = (config: TixiConfigInput): TixiConfigInput => config

/** A configuration with defaults applied, secrets resolved and every value checked. */
export interface TixiConfig {
  readonly processes: ReadonlyArray<HostedProcess>
  readonly host: Layer.Layer<EffectPorts, unknown>
  readonly database:
    | { readonly kind: "pglite"; readonly folder: string; readonly minFreeDiskBytes: number }
    | { readonly kind: "postgres"; readonly url: Redacted.Redacted; readonly maxConnections: number }
  readonly runner: {
    readonly engine: "embedded" | "cluster"
    readonly id: string
    readonly shards: number
    readonly pollIntervalMillis: number
    readonly shardLeaseMillis: number
  }
  readonly intake:
    | false
    | {
        readonly port: number
        readonly host: string
        readonly sources: ReadonlyArray<IntakeSource>
        readonly feeds: ReadonlyArray<ChangeFeed>
        readonly maxBodyBytes: number
        readonly maxEventsPerRequest: number
        readonly maxConnections: number
        readonly headersTimeoutMillis: number
        readonly requestTimeoutMillis: number
        readonly retainDeliveredMillis: number
      }
  readonly retry: RetryPolicy
  readonly admin: {
    readonly token: Redacted.Redacted | undefined
    readonly socket: string | undefined
    readonly port: number | undefined
  }
  readonly organisation: OrganisationPolicy
  /** `organisation` resolved once at load, for every read path and embedder that asks the chart. */
  readonly chart: Organisation.Organisation
  readonly access: AccessPolicy
}

const positiveInt = z.number().int().positive()
const defaultMinFreeDiskBytes = 256 * 1024 * 1024
const redacted = z.custom<Redacted.Redacted>((value) => Redacted.isRedacted(value), {
  message: "expected a secret wrapped with Redacted.make (or leave it out and set the environment variable)",
})

const enabledSchema = z.object({
  processes: z
    .array(
      z
        .object({ definition: z.object({ name: z.string().min(1), version: z.number().int() }).loose() })
        .loose(),
      { message: "expected the processes to host, e.g. [hostProcess(complaintProcess)]" },
    )
    .min(1, { message: "host at least one process" }),
  host: z.custom<Layer.Layer<EffectPorts, unknown>>((value) => typeof value === "object" && value !== null, {
    message: "expected a Layer providing HostCrm, Approvals, Directory and Notifier (an adapter's layer())",
  }),
  database: z
    .discriminatedUnion("kind", [
      z
        .object({
          kind: z.literal("pglite"),
          folder: z.string().min(1).default(".tixi/data"),
          minFreeDiskBytes: z.number().int().min(0).default(defaultMinFreeDiskBytes),
        })
        .strict(),
      z.object({ kind: z.literal("postgres"), url: redacted, maxConnections: positiveInt.default(10) }),
    ])
    .default({ kind: "pglite", folder: ".tixi/data", minFreeDiskBytes: defaultMinFreeDiskBytes }),
  runner: z
    .object({
      engine: z.enum(["embedded", "cluster"]).optional(),
      id: z
        .string()
        .regex(/^[A-Za-z0-9._-]{1,100}$/, { message: "use letters, digits, '.', '_' or '-' (at most 100)" }),
      shards: positiveInt.max(10_000).default(32),
      pollIntervalMillis: positiveInt.default(250),
      shardLeaseMillis: positiveInt.min(1_000).optional(),
    })
    .strict(),
  intake: z
    .object({
      port: z.number().int().min(0).max(65_535).default(8787),
      host: z.string().min(1).default("127.0.0.1"),
      sources: z.array(z.object({ name: z.string(), path: z.string().startsWith("/") }).loose()).default([]),
      feeds: z
        .array(
          z
            .object({
              name: z.string().min(1),
              run: z.custom<ChangeFeed["run"]>((value) => typeof value === "function", "expected a function"),
            })
            .loose(),
        )
        .default([])
        .refine((feeds) => new Set(feeds.map((feed) => feed.name)).size === feeds.length, {
          message: "two feeds have the same name; each name keeps its own position",
        }),
      maxBodyBytes: positiveInt.default(1024 * 1024),
      maxEventsPerRequest: positiveInt.default(1_000),
      maxConnections: positiveInt.default(1_000),
      headersTimeoutMillis: positiveInt.default(10_000),
      requestTimeoutMillis: positiveInt.default(30_000),
      retainDeliveredMillis: positiveInt.default(defaultRetainDeliveredMillis),
    })
    .strict(),
  retry: z
    .object({
      attempts: positiveInt.default(6),
      initialDelayMillis: positiveInt.default(200),
      maxDelayMillis: positiveInt.default(30_000),
      factor: z.number().min(1).default(2),
    })
    .strict(),
  admin: z
    .object({
      token: redacted
        .refine((token) => Redacted.value(token).length >= minAdminTokenLength, {
          message: `at least ${minAdminTokenLength} characters (TIXI_ADMIN_TOKEN); e.g. openssl rand -hex 24`,
        })
        .optional(),
      socket: z.string().min(1).optional(),
      port: z.number().int().min(0).max(65_535).optional(),
    })
    .strict(),
})

const disabledSchema = enabledSchema.extend({ intake: z.literal(false) })

const fromEnvironment = (value: string | undefined) =>
  value === undefined || value === "" ? undefined : value

/**
 * Applies defaults and the environment (`TIXI_DATABASE_URL`, `TIXI_RUNNER_ID`, `TIXI_INTAKE_PORT`,
 * `TIXI_ADMIN_TOKEN`) to a configuration and validates it. Settings in the file win over the
 * environment except for secrets, which only the environment should hold.
 */
export function resolveConfig(
  input: TixiConfigInput,
  environment: Readonly<Record<string, string | undefined>>,
): Result.Result<TixiConfig, ValidationError> {
  const database =
    input.database?.kind === "postgres"
      ? {
          ...input.database,
          url:
            input.database.url ??
            (fromEnvironment(environment.TIXI_DATABASE_URL) === undefined
              ? undefined
              : Redacted.make(environment.TIXI_DATABASE_URL!)),
        }
      : input.database
  const embedded = database === undefined || database.kind === "pglite"
  const intakePort = fromEnvironment(environment.TIXI_INTAKE_PORT)
  const candidate = {
    processes: input.processes,
    host: input.host,
    database,
    runner: {
      ...input.runner,
      id:
        input.runner?.id ??
        fromEnvironment(environment.TIXI_RUNNER_ID) ??
        (embedded ? "embedded" : undefined),
    },
    intake:
      input.intake === false
        ? false
        : {
            ...input.intake,
            ...(input.intake?.port === undefined && intakePort !== undefined
              ? { port: Number(intakePort) }
              : {}),
          },
    retry: input.retry ?? {},
    admin: {
      ...input.admin,
      token:
        input.admin?.token ??
        (fromEnvironment(environment.TIXI_ADMIN_TOKEN) === undefined
          ? undefined
          : Redacted.make(environment.TIXI_ADMIN_TOKEN!)),
    },
  }
  // Chosen up front rather than by a union: zod reports a union's failure as one "Invalid input"
  // on `intake`, without naming the setting at fault.
  const parsed = (candidate.intake === false ? disabledSchema : enabledSchema).safeParse(candidate)
  const organisation = Organisation.parseOrganisationPolicy(input.organisation ?? defaultConfigOrganisation)
  const access = parseAccessPolicy(input.access ?? defaultAccessPolicy)
  if (!parsed.success || Result.isFailure(organisation) || Result.isFailure(access)) {
    const settingIssues = parsed.success
      ? []
      : fromZodIssues(
          "tixi.config",
          parsed.error.issues.map((issue) => {
            const path = issue.path.join(".")
            if (
              path === "database.url" &&
              candidate.database?.kind === "postgres" &&
              candidate.database.url === undefined
            ) {
              return { ...issue, message: "missing: set TIXI_DATABASE_URL (postgres://…) or database.url" }
            }
            if (path === "runner.id" && candidate.runner.id === undefined) {
              return {
                ...issue,
                message:
                  "missing: several runners on one PostgreSQL need a name each; set TIXI_RUNNER_ID or runner.id",
              }
            }
            return issue
          }),
        ).issues
    return Result.fail(
      new ValidationError({
        subject: "tixi.config",
        issues: [
          ...settingIssues,
          ...issuesUnder("organisation", organisation),
          ...issuesUnder("access", access),
        ],
      }),
    )
  }
  const value = parsed.data
  return Result.succeed({
    processes: input.processes,
    host: input.host,
    database: value.database,
    runner: {
      engine: value.runner.engine ?? (value.database.kind === "pglite" ? "embedded" : "cluster"),
      id: value.runner.id,
      shards: value.runner.shards,
      pollIntervalMillis: value.runner.pollIntervalMillis,
      // One embedded runner has nobody to hand over to; a long lease keeps lease refreshes from
      // timing out behind bursts on PGlite's single session.
      shardLeaseMillis: value.runner.shardLeaseMillis ?? (value.database.kind === "pglite" ? 60_000 : 10_000),
    },
    intake:
      value.intake === false
        ? false
        : {
            ...value.intake,
            sources: input.intake === false ? [] : (input.intake?.sources ?? []),
            feeds: input.intake === false ? [] : (input.intake?.feeds ?? []),
          },
    retry: value.retry,
    admin: { token: value.admin.token, socket: value.admin.socket, port: value.admin.port },
    organisation: organisation.success,
    chart: Organisation.organisationOf(organisation.success),
    access: access.success,
  })
}

/** A policy's own issues as the configuration's, under the setting that holds it (`organisation.merges.x`). */
const issuesUnder = (
  setting: string,
  parsed: Result.Result<unknown, ValidationError>,
): ReadonlyArray<ValidationIssue> =>
  Result.isFailure(parsed)
    ? parsed.failure.issues.map((issue) => ({ ...issue, path: [setting, ...issue.path] }))
    : []
