export * from "./service-request.ts"
