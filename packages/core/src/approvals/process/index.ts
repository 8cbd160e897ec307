export * from "./approval-command-schema.ts"
export * from "./approval-messages.ts"
export * from "./approval-process.ts"
export * from "./approval-state.ts"
