// Entry point of `npm run backtest`: see src/cli/backtest.ts.
import { main } from '../src/cli/backtest.ts';

process.exitCode = await main((t) => process.stdout.write(t));
