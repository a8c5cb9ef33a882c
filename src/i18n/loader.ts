// Loads one locale's catalogue, one part at a time, with a dynamic import(), so the build splits each
// language into its own chunks and only the active one is fetched (issue 17: start-up JS grows by the
// runtime and the first screen's words, not by six languages or by every tab's text). The parts are
// src/i18n/areas.ts's: `start` before the app mounts, `rest` when first needed. Each part is the same
// JSON file imported with `?area=…`: the build cuts it to that part and ships it already parsed
// (scripts/lib/i18n-precompile.ts; vitest.config.ts cuts it the same way, as text, for Node tests).
// The map is written out in full because the bundler needs literal import paths.
import type { Locale } from './locales.ts';
import type { Catalogue } from './translator.ts';
import type { CatalogueArea } from './areas.ts';

type Load = () => Promise<{ default: Catalogue }>;

const LOADERS: { readonly [K in Locale]: { readonly [A in CatalogueArea]: Load } } = {
  ar: { start: () => import('./messages/ar.json?area=start'), rest: () => import('./messages/ar.json?area=rest') },
  zh: { start: () => import('./messages/zh.json?area=start'), rest: () => import('./messages/zh.json?area=rest') },
  en: { start: () => import('./messages/en.json?area=start'), rest: () => import('./messages/en.json?area=rest') },
  fr: { start: () => import('./messages/fr.json?area=start'), rest: () => import('./messages/fr.json?area=rest') },
  ru: { start: () => import('./messages/ru.json?area=start'), rest: () => import('./messages/ru.json?area=rest') },
  es: { start: () => import('./messages/es.json?area=start'), rest: () => import('./messages/es.json?area=rest') },
};

/** One part of `locale`'s catalogue; rejects (network or chunk error) so the caller can keep what it has. */
export async function loadCataloguePart(locale: Locale, area: CatalogueArea): Promise<Catalogue> {
  const mod = await LOADERS[locale][area]();
  return mod.default;
}

/** The whole catalogue of `locale` (both parts). */
export async function loadMessages(locale: Locale): Promise<Catalogue> {
  const [start, rest] = await Promise.all([loadCataloguePart(locale, 'start'), loadCataloguePart(locale, 'rest')]);
  return { ...start, ...rest };
}
