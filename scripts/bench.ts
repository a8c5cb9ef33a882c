// Entry point of `npm run bench`: see src/cli/bench.ts.
import { formatBench, runBench } from '../src/cli/bench.ts';

process.stdout.write(formatBench(await runBench()));
