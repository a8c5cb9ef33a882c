// The workshop board as a CSV file, pure (Node tests and the browser share it). One long table, so a
// spreadsheet filters it at once: one row per group and lever (its setting, the groups' median and the
// room's plan), then one row per group and target indicator; each row names the geography its group
// projects on (its 2030 value, the target and whether it
// is met); the room's plan, when built, is one more "group". A few two-cell metadata rows come first,
// then a blank row, as in every CSV the app writes (exports.ts: BOM, CRLF, formula guard, rounding).
import type { WorkshopBoard } from '../model/index.ts';
import { INDICATOR_BY_ID } from '../model/registry/indicators.ts';
import type { LeverId } from '../model/registry/levers.ts';
import { MODEL_VERSION } from '../lib/constants.ts';
import { keys } from '../i18n/keys.ts';
import { t } from '../i18n/runtime.ts';
import type { Workshop } from '../scenario/workshop-file.ts';
import { displayDigits, isoDate, roundTo, toCsv, type CsvValue } from './exports.ts';
import { rowGeography, weightOf, type PlanLever } from './workshop-collect.ts';
import { geographyKey } from '../scenario/scenario.ts';

export interface WorkshopCsvInput {
  workshop: Workshop;
  board: WorkshopBoard;
  /** The plan's levers, when the plan is built. */
  plan: Record<LeverId, PlanLever> | null;
  exported: Date;
}

export const ruleWord = (r: '>=' | '<=' | 'band'): string => t(r === '<=' ? 'workshop.board.ruleAtMost' : r === 'band' ? 'workshop.board.ruleWithin' : 'workshop.board.ruleAtLeast');

/** The board's CSV: metadata, a blank row, then the lever rows and the target rows of every group. */
export function workshopCsv(o: WorkshopCsvInput): string {
  const { workshop: w, board, plan } = o;
  const name = new Map(w.groups.map((g) => [g.id, g.name]));
  const groupName = (id: string) => (id === 'consensus' ? t('workshop.consensus.label') : (name.get(id) ?? id));
  const rows: CsvValue[][] = [
    [t('workshop.csv.workshop'), w.name],
    [t('workshop.csv.facilitator'), w.facilitator],
    [t('workshop.csv.date'), w.date],
    [t('workshop.csv.groups'), w.groups.length],
    [t('csv.meta.modelVersion'), MODEL_VERSION],
    [t('csv.meta.uncertainty'), t('csv.uncertainty.central')],
    [t('csv.meta.exported'), isoDate(o.exported)],
    [],
    [
      t('workshop.csv.group'), t('workshop.csv.geography'), t('workshop.csv.weight'), t('workshop.csv.kind'), t('workshop.csv.id'), t('workshop.csv.name'), t('workshop.csv.unit'),
      t('workshop.csv.value'), t('workshop.csv.median'), t('workshop.csv.plan'), t('workshop.csv.target'), t('workshop.csv.rule'), t('workshop.csv.met'),
    ],
  ];
  const ids = board.groups.map((g) => g.id);
  // each group projects on its own geography (the plan on the one chosen): its id, as in the scenario file
  const geo = (id: string) => { const g = rowGeography(w, id); return g === null ? undefined : geographyKey(g); };
  const weight = (id: string) => (id === 'consensus' ? undefined : plan ? weightOf(w.plan, id) : undefined);
  for (const id of ids) {
    for (const s of board.levers) {
      const v = id === 'consensus' ? plan?.[s.lever].value : s.values.find((x) => x.id === id)?.value;
      rows.push([groupName(id), geo(id), weight(id), t('workshop.csv.kindLever'), s.lever, t(keys.lever(s.lever, 'label')), t(keys.lever(s.lever, 'unit')), v, s.median, plan?.[s.lever].value, undefined, undefined, undefined]);
    }
  }
  for (const id of ids) {
    for (const r of board.targets) {
      const v = r.values.find((x) => x.id === id);
      const def = INDICATOR_BY_ID[r.indicator];
      const d = displayDigits(def.unit, def.digits);
      rows.push([
        groupName(id), geo(id), weight(id), t('workshop.csv.kindTarget'), r.indicator, `${r.target} ${t(keys.indicator(r.indicator, 'name'))}`, t(keys.indicator(r.indicator, 'unit')),
        roundTo(v?.value, d), undefined, undefined, roundTo(r.target2030, d), ruleWord(r.rule), v ? (v.met ? t('workshop.csv.yes') : t('workshop.csv.no')) : undefined,
      ]);
    }
  }
  return toCsv(rows);
}

