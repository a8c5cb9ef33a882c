// Chart palette per theme: Okabe–Ito colours (safe for colour-blindness), with line styles so no series
// is told apart by colour alone; every colour at AA contrast on its theme's background. `PALETTE` reads
// the theme in force (state/theme.svelte.ts), so charts drawn in a Svelte template or effect redraw
// when it changes, and exports are drawn in the theme on screen.
import { theme, type ThemeName } from '../../state/theme.svelte.ts';

export interface Palette {
  scenario: string;
  trends: string;
  band: string;
  target: string;
  history: string;
  grid: string;
  axis: string;
  /** The chart's background (exports fill it; text halos use it). */
  paper: string;
  /** Multiplies line widths: thick lines for projectors. */
  stroke: number;
  /** Compare's four scenario lines (Okabe–Ito hues), each at least 3:1 against `paper`. */
  compare: readonly [string, string, string, string];
}

export const PALETTES: Record<ThemeName, Palette> = {
  light: {
    scenario: '#0063a3', // blue (darkened Okabe–Ito blue for contrast)
    trends: '#4d4d4d', // grey, dashed
    band: 'rgba(0, 114, 178, 0.18)',
    target: '#b34700', // vermilion (darkened), dotted
    history: '#1a1a1a',
    grid: '#d0d7de',
    axis: '#4a4a4a',
    paper: '#ffffff',
    stroke: 1,
    compare: ['#0063a3', '#9e3f78', '#00785a', '#8f5f00'],
  },
  dark: {
    scenario: '#56b4e9', // Okabe–Ito sky blue
    trends: '#b8bec6',
    band: 'rgba(86, 180, 233, 0.24)',
    target: '#f0a35e', // light vermilion
    history: '#eef1f4',
    grid: '#3a424c',
    axis: '#b8bec6',
    paper: '#14181d',
    stroke: 1,
    compare: ['#56b4e9', '#cc79a7', '#009e73', '#e69f00'],
  },
  projector: {
    scenario: '#003f88',
    trends: '#222222',
    band: 'rgba(0, 63, 136, 0.22)',
    target: '#a13000',
    history: '#000000',
    grid: '#9aa4ae',
    axis: '#000000',
    paper: '#ffffff',
    stroke: 1.8,
    compare: ['#0063a3', '#9e3f78', '#00785a', '#8f5f00'],
  },
};

/** The palette of the theme in force (reactive where Svelte tracks reads). */
export const PALETTE: Readonly<Palette> = {
  get scenario() { return PALETTES[theme.effective].scenario; },
  get trends() { return PALETTES[theme.effective].trends; },
  get band() { return PALETTES[theme.effective].band; },
  get target() { return PALETTES[theme.effective].target; },
  get history() { return PALETTES[theme.effective].history; },
  get grid() { return PALETTES[theme.effective].grid; },
  get axis() { return PALETTES[theme.effective].axis; },
  get paper() { return PALETTES[theme.effective].paper; },
  get stroke() { return PALETTES[theme.effective].stroke; },
  get compare() { return PALETTES[theme.effective].compare; },
};
