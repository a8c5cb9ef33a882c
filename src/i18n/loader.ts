// Loads one locale's catalogue with a dynamic import(), so the build splits each language into its own
// chunk and only the active one is fetched (issue 17: start-up JS grows by the runtime, not by six
// languages). The map is written out in full because the bundler needs literal import paths. In the
// browser build each message arrives already parsed (scripts/lib/i18n-precompile.ts); in Node, as text.
import type { Locale } from './locales.ts';
import type { Catalogue } from './translator.ts';

const LOADERS: { readonly [K in Locale]: () => Promise<{ default: Catalogue }> } = {
  ar: () => import('./messages/ar.json'),
  zh: () => import('./messages/zh.json'),
  en: () => import('./messages/en.json'),
  fr: () => import('./messages/fr.json'),
  ru: () => import('./messages/ru.json'),
  es: () => import('./messages/es.json'),
};

/** The catalogue of `locale`; rejects (network or chunk error) so the caller can keep the current one. */
export async function loadMessages(locale: Locale): Promise<Catalogue> {
  const mod = await LOADERS[locale]();
  return mod.default;
}
