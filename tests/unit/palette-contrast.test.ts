// Protects WCAG 1.4.11 (non-text contrast) for the charts: in every theme, each line colour (scenario,
// current trends, target, history, axis, Compare's four scenario lines) is at least 3:1 against the chart's
// background, so a dark or projector theme never draws a line the audience cannot see.
import { describe, expect, it } from 'vitest';
import { PALETTES } from '../../src/components/charts/palette.ts';

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
};

describe('chart palettes', () => {
  for (const [name, p] of Object.entries(PALETTES)) {
    it(`${name}: every line colour is at least 3:1 against the background`, () => {
      const lines = { scenario: p.scenario, trends: p.trends, target: p.target, history: p.history, axis: p.axis, ...Object.fromEntries(p.compare.map((c, i) => [`compare ${i + 1}`, c])) };
      for (const [what, colour] of Object.entries(lines)) expect(contrast(colour, p.paper), `${name} ${what} ${colour}`).toBeGreaterThanOrEqual(3);
    });
  }
});
