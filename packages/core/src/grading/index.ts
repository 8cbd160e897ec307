/**
 * Customer grading and relationships 客户关系管理 (DOMAIN module 3; 004 ch.2–3 and ch.7): ABC
 * analysis, the A–E sales bands, the AAA/AA/A/B grade, the top-10 lists, the relationship
 * evaluation and service tiers, each explaining itself.
 */
export * from "./labels/index.ts"
export * from "./models/index.ts"
export * from "./policy/index.ts"
export * from "./process/index.ts"
export * from "./schema/index.ts"
