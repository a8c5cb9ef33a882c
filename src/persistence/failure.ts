// Storage failures: one typed error for everything that can go wrong with IndexedDB, and the sentence
// the UI shows for each kind. Every persistence module throws (or reports) only StorageFailure.

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

const MESSAGES: Record<StorageFailureKind, string> = {
  unavailable:
    'Your browser does not allow this site to store data (private browsing, or storage disabled). ' +
    'You can keep working; nothing will be saved between visits, so use Export to keep your scenarios.',
  full: 'Storage is full: the last change was not saved. Export your scenarios, then delete some you no longer need.',
  blocked:
    'Pathways 2030 is open in another tab with an older version. Close that tab to finish updating; ' +
    'until then changes are kept in memory only.',
  failed:
    'The last change could not be saved. Your work is still open here; try again, or use Export to keep a copy.',
};

/** The sentence shown to the planner for a failure (the technical detail stays in `f.message`). */
export function describeFailure(f: StorageFailure): string {
  return MESSAGES[f.kind];
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
