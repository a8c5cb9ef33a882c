// Entry point of `npm run project`: see src/cli/project-cli.ts.
import { main } from '../src/cli/project-cli.ts';

const code = await main(process.argv.slice(2), {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
});
process.exitCode = code;
