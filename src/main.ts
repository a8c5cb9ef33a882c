// Browser entry: mounts the Svelte app.
import { mount } from 'svelte';
import App from './components/App.svelte';
import './styles/global.css';

const target = document.getElementById('app');
if (!target) throw new Error('Missing #app element');
mount(App, { target });
