// `npm run sources:count`: prints how many parameters are sourced or assumptions and what kind of
// publication their sources are (scripts/lib/source-counts.ts), the figures quoted in docs/MODEL-costs.md.
import { PARAMETERS } from '../src/model/registry/parameters.ts';
import sources from '../src/model/data/curated/sources.json';
import { countSources, summaryLine, type SourceEntry } from './lib/source-counts.ts';

const counts = countSources(PARAMETERS, sources as Record<string, SourceEntry>);
process.stdout.write(`${summaryLine(counts)}\n`);
if (process.argv.includes('--list')) {
  process.stdout.write(`news alone: ${counts.newsOnly.join(', ') || '(none)'}\n`);
  process.stdout.write(`citing news beside other sources: ${counts.citingNews.join(', ') || '(none)'}\n`);
  process.stdout.write(`no source: ${counts.noSource.join(', ') || '(none)'}\n`);
}
