export * from "./definition.ts"
export * from "./effect-request.ts"
export * from "./perform-effect.ts"
export * from "./replay.ts"
