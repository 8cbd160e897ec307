/**
 * Test support for `@tixi/adapter-wecom`: a local server that behaves like WeCom, for tests and
 * runnable examples that must not touch the internet.
 */
export * from "./wecom-fake.ts"
