export * from "./post.ts"
