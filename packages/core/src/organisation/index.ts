export * from "./appraisal/index.ts"
export * from "./post.ts"
export * from "./training/index.ts"
