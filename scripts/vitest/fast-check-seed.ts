import fc from "fast-check"

// Property and fuzz suites draw fresh cases on every run, which is how they keep finding bugs on
// developers' machines. CI sets TIXI_FUZZ_SEED so that a landing is judged on cases anyone can
// replay; a failure prints its seed either way, and `TIXI_FUZZ_SEED=<seed> npm test` replays it.
const seed = process.env.TIXI_FUZZ_SEED
if (seed !== undefined && seed.trim() !== "") {
  const parsed = Number(seed)
  if (!Number.isSafeInteger(parsed))
    throw new Error(`TIXI_FUZZ_SEED must be an integer, not ${JSON.stringify(seed)}`)
  fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: parsed })
}
