// @vitest-environment jsdom
// Protects the exports: the CSV opens cleanly in a spreadsheet (BOM, metadata rows, RFC 4180 quoting,
// no formula injection) and carries the model's numbers rounded to the precision the app shows, one row
// per indicator and year, the ITU history years first; the SVG
// figures are well-formed standalone SVG with every user string escaped and the title, unit, legend
// and source line present as text.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import english from '../../src/i18n/messages/en.json' with { type: 'json' };
import '../../src/i18n/english.ts';
import { setTranslator } from '../../src/i18n/runtime.ts';
import { createTranslator } from '../../src/i18n/translator.ts';
import { project, type ProjectionResult } from '../../src/model/index.ts';
import { INDICATORS, INDICATOR_BY_ID } from '../../src/model/registry/indicators.ts';
import { formatWithUnit } from '../../src/lib/format.ts';
import {
  BOM,
  tableHeader,
  displayDigits,
  roundTo,
  chartTableCsv,
  comparisonCsv,
  csvCell,
  exportFileName,
  guardFormula,
  isoDate,
  scenarioCsv,
  sourceLine,
} from '../../src/state/exports.ts';
import {
  compareFigure,
  escapeXml,
  niceTicks,
  projectionChartData,
  projectionFigure,
  renderFigure,
  wrapText,
} from '../../src/components/charts/export-chart.ts';
import { COMPARE_STYLES } from '../../src/components/compare-chart-canvas.ts';
import { targetText } from '../../src/components/describe.ts';
import { parseCsv } from '../support/csv.ts';


/** Parses as XML (jsdom's DOMParser, the test environment's) and fails on any well-formedness error. */
function parseSvg(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`not well-formed XML: ${error.textContent}`);
  return doc;
}

const EVIL = 'Plan =HYPERLINK("http://x") <b>&amp; "quotes", commas\nand a line break \u0007 </svg>';
const DATE = new Date(2026, 10, 27, 15, 4);

let central: ProjectionResult;
let bands: ProjectionResult;

beforeAll(async () => {
  const req = { geography: 'world', levers: { networkRollout: 12, digitalSkills: { value: 6, start: 2027 } }, overrides: { handsetPriceUsd: 40 }, seed: 4242, draws: 200 };
  central = await project({ ...req, uncertainty: false });
  bands = await project(req);
});

describe('CSV cells', () => {
  it('quotes per RFC 4180 and guards formulas in text only', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    for (const bad of ['=1+1', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx']) expect(csvCell(bad).replace(/^"/, '').startsWith("'")).toBe(true);
    expect(guardFormula('=cmd|')).toBe("'=cmd|");
    expect(csvCell('=a,b')).toBe('"\'=a,b"');
    expect(csvCell(-1.5)).toBe('-1.5');
    expect(csvCell(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('dates and file names', () => {
    expect(isoDate(DATE)).toBe('2026-11-27');
    expect(exportFileName(['Schools & skills, 2030!', 'internetUse'], DATE, 'png')).toBe('pathways-2030_schools-skills-2030_internetuse_2026-11-27.png');
    expect(exportFileName(['«»'], DATE, 'csv')).toBe('pathways-2030_x_2026-11-27.csv');
  });
});

describe('scenario CSV', () => {
  it('in French has French headings, indicator names and words, and the same numbers (issue 17)', () => {
    const fr = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../src/i18n/messages/fr.json'), 'utf8')) as Record<string, string>;
    const en = scenarioCsv({ scenarioName: 'Plan', result: central, bands, seed: 1, draws: 200, exported: DATE });
    setTranslator(createTranslator('fr', fr));
    let text: string;
    try {
      text = scenarioCsv({ scenarioName: 'Plan', result: central, bands, seed: 1, draws: 200, exported: DATE });
    } finally {
      setTranslator(createTranslator('en', english));
    }
    const rows = parseCsv(text.slice(1));
    const enRows = parseCsv(en.slice(1));
    const blank = rows.findIndex((r) => r.length === 1 && r[0] === '');
    expect(rows.slice(0, blank).map((r) => r[0])).toEqual(['Scénario', 'Zone géographique', 'Version du modèle', 'Graine', 'Tirages Monte-Carlo', 'Incertitude', 'Année de référence', 'Valeurs', 'Exporté le']);
    expect(rows[1]).toEqual(['Zone géographique', 'Monde']);
    expect(rows[blank + 1]).toEqual(['Identifiant de l’indicateur', 'Indicateur', 'Unité', 'Année', 'Historique (UIT)', 'Tendances actuelles', 'Scénario', 'p10', 'p50', 'p90', 'Cible', 'Règle de la cible']);
    const use = rows.find((r) => r[0] === 'internetUse')!;
    expect(use[1]).toBe(fr['indicator.internetUse.name']);
    expect(use[11]).toBe('au moins');
    // the numbers stay machine-readable: the same cells as the English file
    const nums = (rs: string[][]) => rs.slice(blank + 2).map((r) => [r[0], ...r.slice(3, 11)]);
    expect(nums(rows)).toEqual(nums(enRows));
  });

  it('has a BOM, the metadata rows, a blank row, then the history and one row per indicator and year, rounded as shown', () => {
    const text = scenarioCsv({ scenarioName: EVIL, result: central, bands, seed: 4242, draws: 200, exported: DATE });
    expect(text.startsWith(BOM)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.slice(1).split('\r\n').every((l) => !l.includes('\r'))).toBe(true);
    const rows = parseCsv(text.slice(1));
    const blank = rows.findIndex((r) => r.length === 1 && r[0] === '');
    const meta = Object.fromEntries(rows.slice(0, blank).map((r) => [r[0], r[1]]));
    expect(meta['Scenario']).toBe(EVIL.startsWith('=') ? `'${EVIL}` : EVIL);
    expect(meta['Model version']).toBe(central.model.version);
    expect(meta['Model version']).toMatch(/^\d+\.\d+\.\d+$/);
    expect(meta['Seed']).toBe('4242');
    expect(meta['Exported']).toBe('2026-11-27');
    expect(meta['Geography']).toBe('World');
    const header = rows[blank + 1]!;
    expect(header).toEqual(['Indicator id', 'Indicator', 'Unit', 'Year', 'History (ITU)', 'Current trends', 'Scenario', 'p10', 'p50', 'p90', 'Target', 'Target rule']);
    expect(header).toEqual(tableHeader());
    const body = rows.slice(blank + 2);
    const historyYears = (ind: ProjectionResult['indicators'][number]) => ind.history.filter((h) => h.year < central.years[0]!).length;
    expect(body).toHaveLength(central.indicators.reduce((n, ind) => n + historyYears(ind) + central.years.length, 0));
    const col = (name: string) => header.indexOf(name);
    let withHistory = 0;
    for (const ind of central.indicators) {
      const b = bands.indicators.find((x) => x.id === ind.id)!;
      const d = displayDigits(ind.unit, INDICATOR_BY_ID[ind.id].digits);
      const rounded = (v: number | undefined) => roundTo(v, d);
      // history years before the base year come first, in order, with only the History column filled
      const mine = body.filter((r) => r[0] === ind.id).map((r) => Number(r[col('Year')]));
      expect(mine, ind.id).toEqual([...mine].sort((a, x) => a - x));
      for (const h of ind.history.filter((x) => x.year < central.years[0]!)) {
        const row = body.find((r) => r[0] === ind.id && Number(r[col('Year')]) === h.year)!;
        expect(Number(row[col('History (ITU)')])).toBe(rounded(h.value));
        expect(row[col('Scenario')]).toBe('');
        withHistory++;
      }
      central.years.forEach((year, t) => {
        const row = body.find((r) => r[0] === ind.id && Number(r[col('Year')]) === year);
        expect(row, `${ind.id} ${year}`).toBeDefined();
        expect(row![col('Indicator')]).toBe(ind.name);
        expect(row![col('Unit')]).toBe(ind.unit);
        expect(Number(row![col('Current trends')])).toBe(rounded(ind.baseline[t]));
        expect(Number(row![col('Scenario')])).toBe(rounded(ind.scenario[t]));
        expect(Number(row![col('p10')])).toBe(rounded(b.p10![t]));
        expect(Number(row![col('p50')])).toBe(rounded(b.p50![t]));
        expect(Number(row![col('p90')])).toBe(rounded(b.p90![t]));
        expect(Number(row![col('Target')])).toBe(ind.target2030);
        // no more decimals than the app shows, and the app's own text for the rounded value
        for (const c of ['Current trends', 'Scenario', 'p10', 'p50', 'p90']) expect((row![col(c)]!.split('.')[1] ?? '').length, `${ind.id} ${year} ${c}`).toBeLessThanOrEqual(d);
        expect(formatWithUnit(Number(row![col('Scenario')]), ind.unit, INDICATOR_BY_ID[ind.id].digits)).toBe(formatWithUnit(ind.scenario[t], ind.unit, INDICATOR_BY_ID[ind.id].digits));
      });
    }
    // World has ITU history for its sourced series: the file carries it
    expect(withHistory).toBeGreaterThan(20);
  });

  it('a user name that starts like a formula is neutralised, and quoting survives a round trip', () => {
    const name = '=2+5,"x"';
    const text = scenarioCsv({ scenarioName: name, result: central, bands: null, seed: 1, draws: 10, exported: DATE });
    expect(text).toContain(`Scenario,"'=2+5,""x"""\r\n`);
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual(['Scenario', `'${name}`]);
    // no bands: the p columns are empty, the rest is there
    const header = rows.find((r) => r[0] === 'Indicator id')!;
    // the first projection row (the history rows before it have no Scenario value)
    const first = rows.slice(rows.indexOf(header) + 1).find((r) => r[header.indexOf('Year')] === String(central.years[0]))!;
    expect(first[header.indexOf('p10')]).toBe('');
    expect(first[header.indexOf('Scenario')]).not.toBe('');
  });

  it('no cell of the table starts with a formula character unless it is a number', () => {
    const rows = parseCsv(scenarioCsv({ scenarioName: '-minus', result: central, bands, seed: 1, draws: 10, exported: DATE }).slice(1));
    for (const r of rows) for (const c of r) if (/^[=+\-@]/.test(c)) expect(Number.isFinite(Number(c)), c).toBe(true);
  });
});

describe('comparison CSV', () => {
  it('adds a scenario column and one block per scenario', () => {
    const text = comparisonCsv({
      scenarios: [
        { name: 'Current', geography: 'World', seed: 1, result: central },
        { name: '@Other, plan', geography: 'World', seed: 2, result: central },
      ],
      exported: DATE,
    });
    const rows = parseCsv(text.slice(1));
    expect(rows[1]).toEqual(['Scenario', 'Current', "'@Other, plan"]);
    const hi = rows.findIndex((r) => r[0] === 'Scenario name');
    expect(rows[hi]).toEqual(['Scenario name', 'Geography', ...tableHeader()]);
    const body = rows.slice(hi + 1);
    expect(body).toHaveLength(2 * central.indicators.reduce((n, ind) => n + ind.history.filter((h) => h.year < central.years[0]!).length + central.years.length, 0));
    expect(new Set(body.map((r) => r[0]))).toEqual(new Set(['Current', "'@Other, plan"]));
  });

  it('a chart-only table has a column per line', () => {
    const rows = parseCsv(
      chartTableCsv({ title: 'Use', unit: '%', columns: [{ name: 'A', points: [[2025, 1], [2026, 2]] }, { name: 'B', points: [[2026, 3]] }], target: 100, meta: [['Model version', '0.2.0']], exported: DATE }).slice(1),
    );
    const hi = rows.findIndex((r) => r[0] === 'Year');
    expect(rows.slice(hi)).toEqual([
      ['Year', 'A', 'B', 'Target'],
      ['2025', '1', '', '100'],
      ['2026', '2', '3', '100'],
    ]);
  });
});

describe('SVG figures', () => {
  it('the well-formedness check itself rejects bad XML', () => {
    expect(() => parseSvg('<svg xmlns="http://www.w3.org/2000/svg"><title>a & b</title></svg>')).toThrow(/well-formed/);
  });

  it('escapes XML and drops characters XML forbids', () => {
    expect(escapeXml(`<a href="x">&'\u0001`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
  });

  it('nice ticks cover the data', () => {
    const t = niceTicks(0.93, 1.04, 5);
    expect(t.min).toBeLessThanOrEqual(0.93);
    expect(t.max).toBeGreaterThanOrEqual(1.04);
    expect(niceTicks(0, 100, 5).ticks).toEqual([0, 20, 40, 60, 80, 100]);
  });

  it('wraps long text within the width', () => {
    const lines = wrapText('Source: Pathways 2030 model 0.2.0, data: ITU DataHub, series i99H; scenario “A very long name indeed”', 11, 200);
    expect(lines.length).toBeGreaterThan(1);
  });

  it('the projection figure is a standalone SVG with title, unit, legend and source as escaped text', () => {
    const ind = central.indicators.find((i) => i.id === 'internetUse')!;
    const band = bands.indicators.find((i) => i.id === 'internetUse')!;
    const source = sourceLine({ modelVersion: central.model.version, data: 'ITU DataHub, series i99H (2024)', scenarios: [EVIL], geography: 'World', date: DATE });
    const fig = renderFigure(
      projectionFigure(projectionChartData(central, ind, band), { title: '1.7 Individuals using the Internet', subtitle: '% of individuals · World', description: `Chart for ${EVIL}`, source }),
      { width: 760, plotHeight: 290, standalone: true },
    );
    expect(fig.width).toBe(760);
    expect(fig.height).toBeGreaterThan(290);
    expect(fig.svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const doc = parseSvg(fig.svg);
    const svg = doc.documentElement;
    expect(svg.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(svg.localName).toBe('svg');
    expect(svg.getAttribute('width')).toBe('760');
    expect(svg.getAttribute('height')).toBe(String(fig.height));
    expect(svg.querySelector('title')?.textContent).toBe('1.7 Individuals using the Internet');
    expect(svg.querySelector('desc')?.textContent).toBe(`Chart for ${EVIL.replace('\u0007', '')}`);
    expect(svg.querySelectorAll('script, foreignObject, b')).toHaveLength(0);
    const texts = [...svg.querySelectorAll('text')].map((t) => t.textContent ?? '');
    const all = texts.join(' ');
    expect(all).toContain('1.7 Individuals using the Internet');
    expect(all).toContain('% of individuals');
    for (const legend of ['History (ITU)', 'Current trends', 'Scenario', 'p10–p90 band', '2030 target']) expect(texts).toContain(legend);
    expect(all).toContain(`2030 target ${targetText(ind)}`);
    // the source line (wrapped over several text lines) carries the model version, the data, the user's name and the date
    const src = texts.filter((t) => t.length).join(' ');
    expect(src).toContain('Source: Pathways 2030 model');
    expect(src).toContain(central.model.version);
    expect(src).toContain('2026-11-27');
    expect(src).toContain('=HYPERLINK("http://x")');
    expect(src).toContain('<b>&amp;');
    expect(fig.svg).not.toContain('<b>');
    expect(fig.svg).not.toContain('\u0007');
  });

  it('the comparison figure names every scenario in its legend', () => {
    const fig = renderFigure(
      compareFigure(
        {
          unit: '% of individuals',
          digits: 1,
          trends: [{ name: 'Current trends', dash: [6, 4], points: central.years.map((y, t) => [y, central.indicators[6]!.baseline[t]!]) }],
          scenarios: [
            { name: '<Plan A>', style: COMPARE_STYLES[0]!, points: central.years.map((y, t) => [y, central.indicators[6]!.scenario[t]!]) },
            { name: 'Plan "B" & co', style: COMPARE_STYLES[1]!, points: central.years.map((y, t) => [y, central.indicators[6]!.scenario[t]! - 1]) },
          ],
          target: 100,
          targetLabel: '2030 target 100%',
          targetYear: 2030,
          xMin: 2025,
          xMax: 2035,
          yMin: 0,
          yMax: 100,
        },
        { title: 'Internet use', subtitle: 'Comparison', description: 'desc', source: 'Source: x' },
      ),
      { width: 600, plotHeight: 300, standalone: true },
    );
    const texts = [...parseSvg(fig.svg).querySelectorAll('text')].map((t) => t.textContent);
    expect(texts).toEqual(expect.arrayContaining(['<Plan A>', 'Plan "B" & co', 'Current trends', '2030 target', 'Source: x']));
  });

  it('compact figures (the report) are inline SVG without a declaration, legend or source', () => {
    const ind = central.indicators[0]!;
    const fig = renderFigure(projectionFigure(projectionChartData(central, ind, null), { title: 't', subtitle: 'u', description: 'd', source: 'Source: hidden' }), { width: 340, plotHeight: 170, compact: true });
    expect(fig.svg.startsWith('<svg')).toBe(true);
    expect(fig.svg).not.toContain('Source: hidden');
    parseSvg(fig.svg);
  });
});
