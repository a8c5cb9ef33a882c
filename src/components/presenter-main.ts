// Entry of presenter.html: the presenter window (notes, next slide, timer) of a presentation running
// in the main window, which it follows over BroadcastChannel. Loads no projection model.
// global.css is imported FIRST: under `npm start` Vite injects each stylesheet when its module runs, so
// the component's own page styles must come after the app's defaults to win the cascade.
import '../styles/global.css';
import { mount } from 'svelte';
import LocaleRoot from './LocaleRoot.svelte';
import PresenterView from './PresenterView.svelte';
import { theme } from '../state/theme.svelte.ts';
import { locale } from '../state/locale.svelte.ts';
import { wholeCatalogue } from '../i18n/runtime.ts';

theme.start(); // the presenter window follows the main window's theme (and its changes, over storage events)

const target = document.getElementById('app');
if (!target) throw new Error('Missing #app element');
// Same language as the main window (the remembered choice), and it follows a change made there.
// The presenter window says mostly words outside the first screen's part, so it waits for the whole catalogue.
void locale
  .start({ titleKey: 'app.presenterTitle', follow: true })
  .then(() => wholeCatalogue())
  .then(() => mount(LocaleRoot, { target, props: { view: PresenterView } }));
