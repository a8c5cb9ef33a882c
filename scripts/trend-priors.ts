// Entry point of `npm run data:priors`: estimates the pooled-trend tables from the repository's own
// economy data and income groups and writes src/model/data/generated/trend-priors.json (committed;
// tests/unit/trend-priors.test.ts fails when it drifts from what this script makes).
import { writeFileSync } from 'node:fs';
import { buildTrendPriors } from './lib/trend-priors-build.ts';
import { ROOT } from './lib/economies.ts';

const out = `${ROOT}src/model/data/generated/trend-priors.json`;
const text = buildTrendPriors();
writeFileSync(out, text);
process.stdout.write(`wrote src/model/data/generated/trend-priors.json (${(text.length / 1024).toFixed(1)} KB)\n`);
