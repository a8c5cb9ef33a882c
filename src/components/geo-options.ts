// The options of a geography combobox (GeographyCombobox.svelte): the aggregates (World and the ITU
// regions), the custom geographies when wanted, then every economy under its ITU region, in the
// page's language and sorted as it sorts; a search also matches an economy's English name.
import type { GeographyListing } from '../model/index.ts';
import { geographyName } from '../lib/geography-name.ts';
import { activeLocale, t } from '../i18n/runtime.ts';
import { intlLocale } from '../i18n/intl.ts';

export interface GeoOption {
  id: string;
  /** The name shown, in the page's language. */
  name: string;
  /** Another name a search should also match (the data's English name of an economy). */
  alt?: string;
  group: string;
  /** An economy: its ISO3 code is shown after its name. */
  economy?: boolean;
}

const REGION_IDS = ['africa', 'americas', 'arab-states', 'asia-pacific', 'cis', 'europe'] as const;

export function geoOptions(geographies: readonly GeographyListing[], custom: ReadonlyArray<{ id: string; name: string }> = []): GeoOption[] {
  const regionNames: Record<string, string> = Object.fromEntries(REGION_IDS.map((id) => [id, geographyName({ id, name: id })]));
  const collator = new Intl.Collator(intlLocale(activeLocale()));
  const named = (g: GeographyListing) => ({ id: g.id, name: geographyName(g), alt: g.name });
  return [
    ...(geographies.length ? geographies.filter((g) => g.kind !== 'country') : [{ id: 'world', name: 'World', kind: 'world' as const }]).map((g) => ({ ...named(g), group: t('geo.group.aggregates') })),
    ...custom.map((c) => ({ id: c.id, name: t('geo.customName', { name: c.name }), group: t('geo.group.custom') })),
    ...Object.entries(regionNames).flatMap(([rid, rname]) =>
      geographies
        .filter((g) => g.kind === 'country' && g.region === rid)
        .map((g) => ({ ...named(g), group: t('geo.group.economies', { region: rname }), economy: true }))
        .sort((a, b) => collator.compare(a.name, b.name)),
    ),
  ];
}
