import { Redacted } from "effect"

/** A secret, wrapped so that it never prints (`Redacted`), or a plain string for callers without Effect. */
export type Secret = Redacted.Redacted<string> | string

/** The plain value of a secret, for the one place that sends it. */
export const reveal = (secret: Secret): string =>
  Redacted.isRedacted(secret) ? Redacted.value(secret) : secret
