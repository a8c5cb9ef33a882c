// Storage failures: one typed error for everything that can go wrong with IndexedDB, and the sentence
// the UI shows for each kind (from the catalogue: `storage.<kind>`). Every persistence module throws
// (or reports) only StorageFailure.
import { t } from '../i18n/runtime.ts';

/**
 * - `unavailable`: no IndexedDB at all (private browsing, storage disabled, open refused).
 * - `full`: the browser's quota is used up; the write was not made.
 * - `blocked`: an older tab holds the database open, so this tab cannot upgrade it.
 * - `failed`: anything else (a write aborted, the connection was closed, a record would not validate).
 */
export type StorageFailureKind = 'unavailable' | 'full' | 'blocked' | 'failed';

/** The one error type of src/persistence. `cause` keeps the original DOMException, if any. */
export class StorageFailure extends Error {
  readonly kind: StorageFailureKind;

  constructor(kind: StorageFailureKind, message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'StorageFailure';
    this.kind = kind;
  }
}

/** The sentence shown to the planner for a failure, in the active language (the technical detail stays in `f.message`). */
export function describeFailure(f: StorageFailure): string {
  return t(`storage.${f.kind}`);
}

function errorName(err: unknown): string {
  if (typeof err === 'object' && err !== null && 'name' in err && typeof err.name === 'string') return err.name;
  return '';
}

function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (typeof err === 'object' && err !== null && 'message' in err && typeof err.message === 'string') return err.message;
  return String(err);
}

/** True for the quota errors browsers actually raise (standard name, old Firefox name, legacy code 22). */
export function isQuotaError(err: unknown): boolean {
  const name = errorName(err);
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
  return typeof err === 'object' && err !== null && 'code' in err && err.code === 22;
}

/**
 * Wraps whatever IndexedDB threw into a StorageFailure. `doing` says what was attempted
 * ("saving scenario abc"), for the technical message. A StorageFailure passes through unchanged.
 */
export function toStorageFailure(err: unknown, doing: string): StorageFailure {
  if (err instanceof StorageFailure) return err;
  const detail = `${doing}: ${errorName(err) || 'Error'}: ${errorMessage(err)}`;
  if (isQuotaError(err)) return new StorageFailure('full', detail, { cause: err });
  if (errorName(err) === 'SecurityError') return new StorageFailure('unavailable', detail, { cause: err });
  return new StorageFailure('failed', detail, { cause: err });
}
