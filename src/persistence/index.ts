// The public face of src/persistence: the app imports storage only from here.
export { Autosaver, createSessionAutosaver, loadLatestSessionState, loadSessionState } from './autosave.ts';
export type { AutosaveInfo, AutosaveStatus, AutosaverOptions, LoadSessionResult, SessionDraft, SessionState } from './autosave.ts';
export { BLOCKED_TIMEOUT_MS, DB_NAME, DB_VERSION, openPathwaysDb } from './db.ts';
export type { DeckRecord, OpenDbOptions, PathwaysDb, PathwaysSchema } from './db.ts';
export { StorageFailure, describeFailure } from './failure.ts';
export type { StorageFailureKind } from './failure.ts';
export { MemoryScenarioStore } from './memory-store.ts';
export type { DuplicateOptions, RestoreFn, SaveAllResult, SaveResult } from './records.ts';
export { openRepository } from './repository.ts';
export type { OpenRepositoryOptions, RepositoryOptions, ScenarioRepository } from './repository.ts';
export { ScenarioStore } from './scenario-store.ts';
export type { ScenarioStoreOpenOptions, ScenarioStoreOptions } from './scenario-store.ts';
export { SYNC_CHANNEL, TabSync, isSyncMessage } from './sync.ts';
export type { SyncChannel, SyncMessage, TabSyncOptions } from './sync.ts';
