// Catalogue keys of the model parameters (src/model/registry/parameters.ts), derived from their ids as
// keys.ts derives the levers' keys: `param.siteCapexUsd.label`, `.unit`, `.basis`. The Assumptions tab,
// the tornado and the attribution show parameters through these; the registry keeps the English source
// (tests/unit/i18n-params.test.ts checks that en.json matches it). Type-only import: the registry stays out.
import type { ParameterId } from '../model/registry/parameters.ts';
import { t } from './runtime.ts';

export type ParameterField = 'label' | 'unit' | 'basis';

export const paramKey = (id: ParameterId, field: ParameterField): string => `param.${id}.${field}`;

/** A parameter's label, unit or basis in the active language. */
export const paramText = (id: ParameterId, field: ParameterField): string => t(paramKey(id, field));
