export * from "./appraisal-form.ts"
export * from "./objective-rules.ts"
