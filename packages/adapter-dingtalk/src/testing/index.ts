/**
 * Test support for `@tixi/adapter-dingtalk`: a local server that behaves like DingTalk, for
 * tests and runnable examples that must not touch the internet.
 */
export * from "./dingtalk-fake.ts"
