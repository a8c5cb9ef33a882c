// The two parts of each language's catalogue (issue 17: start-up size). `start` holds what the first
// screen says — header, scenario bar, headline, levers, focus chart, statuses and the registries'
// names — and loads before the app mounts. `rest` holds everything else (tabs, dialogs,
// scorecard, presentation, report, workshop, file and restore messages, the parameters' texts) and
// loads when something first needs it: the tab panel asks for it once the first result is up
// (src/state/locale.svelte.ts). Code that runs at start-up and says a `rest` message waits for
// `catalogueComplete()` first; tests/unit/i18n-areas.test.ts checks that, file by file.
// Pure data and functions: the build (scripts/lib/i18n-precompile.ts) splits the catalogues with it.

export type CatalogueArea = 'start' | 'rest';

/**
 * The first screen's keys: an entry ending in a dot is a prefix (a whole namespace, or part of one),
 * any other entry one key. The scorecard is not here: it sits below the fold and renders once the
 * first result is up and the page is idle (App.svelte), after the rest of the catalogue has loaded.
 */
export const START_KEYS: readonly string[] = [
  'app.', 'shell.', 'i18n.', 'theme.', 'headline.', 'scenarioBar.', 'levers.', 'leverGroup.', 'lever.', 'chart.',
  'engine.', 'notice.', 'update.', 'storage.', 'baseline.', 'status.', 'goal.', 'target.', 'indicator.', 'region.',
  'economy.', 'geo.', 'preset.',
  // the focus chart's export buttons (what they report after an export loads with the export code)
  'export.group', 'export.png', 'export.svg', 'export.csv', 'export.csvTitle', 'export.csvHint.',
  // a tab's name, and the names the scenario bar may give the open scenario
  'workshop.tab', 'library.untitled', 'library.suffix.',
];

/** Keys under the prefixes above that only a lever's ⓘ panel shows (LeverControl awaits the rest to open it). */
export const LATER_IN_START: readonly RegExp[] = [
  /^lever\.[^.]+\.description$/,
  /^levers\.(?:moves|parameters|sources|kind\.\w+|assumptionsOnly|seeAssumptions)$/,
];

const startPrefixes = START_KEYS.filter((k) => k.endsWith('.'));
const startKeys = new Set(START_KEYS.filter((k) => !k.endsWith('.')));

/** The part of the catalogue `key` belongs to. */
export function areaOf(key: string): CatalogueArea {
  if (startKeys.has(key)) return 'start';
  return startPrefixes.some((p) => key.startsWith(p)) && !LATER_IN_START.some((re) => re.test(key)) ? 'start' : 'rest';
}

/** The messages of one area, in the catalogue's order. */
export function pickArea<T>(messages: Readonly<Record<string, T>>, area: CatalogueArea): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [key, message] of Object.entries(messages)) if (areaOf(key) === area) out[key] = message;
  return out;
}
