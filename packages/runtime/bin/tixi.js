#!/usr/bin/env node
// A committed launcher, so pnpm can link the `tixi` command before the package is built.
await import("../dist/cli/main.js")
