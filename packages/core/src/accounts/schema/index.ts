export * from "./key-account-assessment-form.ts"
export * from "./key-account-file-form.ts"
export * from "./officer-scorecard-form.ts"
export * from "./revisit-report-form.ts"
