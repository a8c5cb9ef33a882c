// Entry point of `npm run backtest`: see src/cli/backtest.ts. Prints the tables and writes them to
// docs/VALIDATION.md.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { main } from '../src/cli/backtest.ts';

const { code, markdown } = await main((t) => process.stdout.write(t));
writeFileSync(fileURLToPath(new URL('../docs/VALIDATION.md', import.meta.url)), markdown);
process.stdout.write('wrote docs/VALIDATION.md\n');
process.exitCode = code;
