// The shape of one entry of data/curated/sources.json (the registry every parameter's `sources` ids
// point into), shared by the Assumptions tab and the MODEL.md generator. Types only: the JSON itself
// is loaded by whoever needs it (the app lazily, to keep it off the start-up path).

/** One cited source: what it is, who published it and when, where to find it. */
export interface SourceEntry {
  title: string;
  publisher?: string;
  year?: number;
  url?: string;
  note?: string;
  /** Cited through another publication, not read first-hand. */
  secondary?: boolean;
  /** The publisher's own publication, a copy of its text elsewhere, or news (see `npm run sources:count`). */
  kind?: 'primary' | 'copy' | 'news';
}

/** sources.json: source id -> entry. */
export type SourceMap = Readonly<Record<string, SourceEntry>>;
