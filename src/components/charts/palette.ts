// Chart palette: Okabe–Ito colours (safe for colour-blindness), with line styles so no series is
// told apart by colour alone; all at AA contrast on white.
export const PALETTE = {
  scenario: '#0063a3', // blue (darkened Okabe–Ito blue for contrast)
  trends: '#4d4d4d', // grey, dashed
  band: 'rgba(0, 114, 178, 0.18)',
  target: '#b34700', // vermilion (darkened), dotted
  history: '#1a1a1a',
  grid: '#d0d7de',
  axis: '#4a4a4a',
} as const;
