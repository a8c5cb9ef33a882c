// A geography's name in the page's language (issue 17, "names of economies come from the locale"):
// World and ITU's regions from the catalogue (`region.<id>.name`, ITU's wording); an economy from the
// browser's Intl.DisplayNames on its ISO code (src/i18n/intl.ts economyName), with a catalogue override
// where the UN name differs from CLDR's (`economy.<ISO3>.name`) and the data's own name as the fallback;
// a custom geography by the name its author typed. English keeps the data's names, which are ITU's.
// Use it wherever a geography is shown; search should match this name and the data's (English) name.
import { economyName } from '../i18n/intl.ts';
import { keys } from '../i18n/keys.ts';
import { activeLocale, hasMessage, t } from '../i18n/runtime.ts';
import { geographyIndexName, isAggregateId } from '../model/geography-ids.ts';

/** What names a geography: a listing, a projection result's `geography`, or an id and name. */
export interface NamedGeography {
  id: string;
  /** The data's own name (English, ITU's spelling), or the author's for a custom geography. */
  name: string;
  kind?: string;
}

/** The geography's name as the page shows it. */
export function geographyName(g: NamedGeography): string {
  if (g.kind === 'custom') return g.name;
  if (isAggregateId(g.id)) {
    const key = keys.regionName(g.id);
    return hasMessage(key) ? t(key) : g.name;
  }
  const locale = activeLocale();
  if (locale === 'en') return g.name;
  const override = keys.economyName(g.id);
  return economyName(locale, g.id, g.name, hasMessage(override) ? t(override) : undefined);
}

/**
 * A listed geography's name by id, before or after the worker's list has arrived (`listing`); the id
 * itself when nothing knows it.
 */
export function geographyNameById(id: string, listing: readonly NamedGeography[] = []): string {
  const listed = listing.find((x) => x.id === id);
  if (listed) return geographyName(listed);
  const indexed = geographyIndexName(id);
  return indexed === undefined ? id : geographyName({ id, name: indexed });
}
