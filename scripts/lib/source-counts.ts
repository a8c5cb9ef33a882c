// Counts behind docs/MODEL-costs.md, "Sources": how many parameters are sourced or assumptions, and of
// the sources they cite, how many are the publisher's own (primary), a full copy of the publisher's text
// hosted elsewhere (copy), or a news item or summary quoting it second-hand (news). Pure: takes the
// registries, so `npm run sources:count` and tests/unit/source-counts.test.ts compute the same figures.

export type SourceKind = 'primary' | 'copy' | 'news';

export interface SourceEntry {
  url?: string;
  kind?: SourceKind;
  /** Older flag (before `kind`): the figure was read second-hand. */
  secondary?: boolean;
}

export interface ParameterEntry {
  id: string;
  kind: 'sourced' | 'assumption';
  sources: readonly string[];
}

export interface SourceCounts {
  parameters: number;
  sourced: number;
  assumptions: number;
  /** Distinct source ids that parameters cite. */
  cited: number;
  byKind: Record<SourceKind, number>;
  /** Parameters that cite at least one source, all of them news. */
  newsOnly: string[];
  /** Parameters that cite at least one news source. */
  citingNews: string[];
  /** Parameters that cite no source (each is an assumption with a reason). */
  noSource: string[];
}

/** Hosts of full copies of a publisher's own text (the rule for entries written before `kind`). */
const COPY_HOSTS = ['fliphtml5.com', 'docslib.org', 'commbox.org', 'datais.info', 'studylib.net', 'scribd.com', 'dokumen.tips'];

/** A source's kind: its `kind` field, or for an older entry, `secondary` → news, a copy host → copy, else primary. */
export function sourceKind(entry: SourceEntry): SourceKind {
  if (entry.kind) return entry.kind;
  if (entry.secondary) return 'news';
  const host = entry.url ? new URL(entry.url).hostname : '';
  return COPY_HOSTS.some((h) => host === h || host.endsWith(`.${h}`)) ? 'copy' : 'primary';
}

export function countSources(parameters: readonly ParameterEntry[], sources: Readonly<Record<string, SourceEntry>>): SourceCounts {
  const cited = new Set<string>();
  const newsOnly: string[] = [];
  const citingNews: string[] = [];
  const noSource: string[] = [];
  for (const p of parameters) {
    const kinds = p.sources.map((id) => {
      const entry = sources[id];
      if (!entry) throw new Error(`parameter ${p.id} cites ${id}, which sources.json lacks`);
      cited.add(id);
      return sourceKind(entry);
    });
    if (kinds.length === 0) noSource.push(p.id);
    else if (kinds.every((k) => k === 'news')) newsOnly.push(p.id);
    if (kinds.includes('news')) citingNews.push(p.id);
  }
  const byKind: Record<SourceKind, number> = { primary: 0, copy: 0, news: 0 };
  for (const id of cited) byKind[sourceKind(sources[id]!)] += 1;
  const sourced = parameters.filter((p) => p.kind === 'sourced').length;
  return { parameters: parameters.length, sourced, assumptions: parameters.length - sourced, cited: cited.size, byKind, newsOnly, citingNews, noSource };
}

/** The one-line summary docs/MODEL-costs.md carries (checked by tests/unit/source-counts.test.ts). */
export function summaryLine(c: SourceCounts): string {
  return `${c.parameters} parameters: ${c.sourced} sourced, ${c.assumptions} assumptions (${c.noSource.length} citing no source). ` +
    `${c.cited} sources cited: ${c.byKind.primary} primary, ${c.byKind.copy} copies of the publisher's text, ${c.byKind.news} news or summaries. ` +
    `${c.newsOnly.length} parameters rest on news alone; ${c.citingNews.length - c.newsOnly.length} cite a news item beside other sources.`;
}
