export * from "./appraisal/index.ts"
export * from "./post.ts"
