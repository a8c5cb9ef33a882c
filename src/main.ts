// Browser entry: sets the theme and the language, then mounts the Svelte app.
import { mount } from 'svelte';
import App from './components/App.svelte';
import './styles/global.css';
import { theme } from './state/theme.svelte.ts';
import { locale } from './state/locale.svelte.ts';

// The theme goes on <html> before the first render, so a dark system never flashes a light page.
theme.start();

const target = document.getElementById('app');
if (!target) throw new Error('Missing #app element');
// The language's catalogue (one chunk) loads before the first render, so no English flashes first.
void locale.start().then(() => mount(App, { target }));
