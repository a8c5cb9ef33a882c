// Protects cross-tab notices: what one tab saves, deletes or restores is announced to the others (ids
// and revisions only, no scenario content), a tab never reacts to its own messages, and the app works
// unchanged where BroadcastChannel is missing.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BroadcastChannel as NodeBroadcastChannel } from 'node:worker_threads';
import { SYNC_CHANNEL, TabSync, isSyncMessage, type SyncChannel, type SyncMessage } from '../../src/persistence/sync.ts';

const open: TabSync[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
  vi.unstubAllGlobals();
});

function tab(options: ConstructorParameters<typeof TabSync>[0] = {}): TabSync {
  const s = new TabSync(options);
  open.push(s);
  return s;
}

/** Waits until `messages` has `n` entries (BroadcastChannel delivers asynchronously). */
async function until(messages: unknown[], n: number): Promise<void> {
  for (let i = 0; i < 200 && messages.length < n; i++) await new Promise((r) => setTimeout(r, 5));
}

/** A pair of in-memory channels wired to each other, like two tabs' BroadcastChannels. */
function channelPair(): [SyncChannel & { posted: unknown[] }, SyncChannel & { posted: unknown[] }] {
  const make = () => {
    const listeners: ((e: { data: unknown }) => void)[] = [];
    return {
      posted: [] as unknown[],
      peer: null as { deliver(data: unknown): void } | null,
      deliver(data: unknown) {
        for (const l of listeners) l({ data });
      },
      postMessage(data: unknown) {
        this.posted.push(data);
        this.peer?.deliver(structuredClone(data));
      },
      addEventListener(_type: 'message', l: (e: { data: unknown }) => void) {
        listeners.push(l);
      },
      close() {
        listeners.length = 0;
      },
    };
  };
  const a = make();
  const b = make();
  a.peer = b;
  b.peer = a;
  return [a, b];
}

describe('TabSync', () => {
  it('delivers saved / deleted / restored to the other tab over Node\'s BroadcastChannel, and ignores its own', async () => {
    const channel = (): SyncChannel => new NodeBroadcastChannel(SYNC_CHANNEL) as unknown as SyncChannel;
    const a = tab({ channel: channel(), tabId: 'tab-a' });
    const b = tab({ channel: channel(), tabId: 'tab-b' });
    const atA: SyncMessage[] = [];
    const atB: SyncMessage[] = [];
    a.onMessage((m) => atA.push(m));
    b.onMessage((m) => atB.push(m));

    a.saved('s1', 4);
    a.deleted('s2');
    a.restored('s2');
    await until(atB, 3);
    expect(atB).toEqual([
      { type: 'saved', id: 's1', revision: 4, tabId: 'tab-a' },
      { type: 'deleted', id: 's2', tabId: 'tab-a' },
      { type: 'restored', id: 's2', tabId: 'tab-a' },
    ]);
    b.saved('s1', 5);
    await until(atA, 1);
    expect(atA).toEqual([{ type: 'saved', id: 's1', revision: 5, tabId: 'tab-b' }]);
    expect(atB).toHaveLength(3); // b never heard itself
  });

  it('ignores messages carrying its own tabId (the same tab through another channel)', async () => {
    const [ca, cb] = channelPair();
    const a = tab({ channel: ca, tabId: 'same' });
    const b = tab({ channel: cb, tabId: 'same' });
    const heard = vi.fn();
    b.onMessage(heard);
    a.saved('x', 1);
    expect(ca.posted).toHaveLength(1);
    expect(heard).not.toHaveBeenCalled();
  });

  it('messages carry ids and revisions only, never scenario content', () => {
    const [ca] = channelPair();
    const a = tab({ channel: ca, tabId: 't' });
    a.saved('id-1', 2);
    a.deleted('id-1');
    a.restored('id-1');
    expect(ca.posted.map((m) => Object.keys(m as object).sort())).toEqual([
      ['id', 'revision', 'tabId', 'type'],
      ['id', 'tabId', 'type'],
      ['id', 'tabId', 'type'],
    ]);
  });

  it('ignores malformed messages (another app version, another script on the channel)', () => {
    const [ca, cb] = channelPair();
    tab({ channel: ca, tabId: 'a' });
    const b = tab({ channel: cb, tabId: 'b' });
    const heard = vi.fn();
    b.onMessage(heard);
    for (const junk of [null, 'saved', { type: 'saved', id: 'x', tabId: 'a' }, { type: 'renamed', id: 'x', tabId: 'a' }, { type: 'deleted', id: 3, tabId: 'a' }]) {
      ca.postMessage(junk);
    }
    expect(heard).not.toHaveBeenCalled();
    expect(isSyncMessage({ type: 'saved', id: 'x', revision: 2, tabId: 'a' })).toBe(true);
  });

  it('unsubscribe and close stop delivery; posting after close does nothing', () => {
    const [ca, cb] = channelPair();
    const a = tab({ channel: ca, tabId: 'a' });
    const b = tab({ channel: cb, tabId: 'b' });
    const one = vi.fn();
    const two = vi.fn();
    const stop = b.onMessage(one);
    b.onMessage(two);
    a.deleted('x');
    stop();
    a.deleted('y');
    expect(one).toHaveBeenCalledTimes(1);
    expect(two).toHaveBeenCalledTimes(2);
    b.close();
    a.deleted('z');
    expect(two).toHaveBeenCalledTimes(2);
    a.close();
    expect(a.enabled).toBe(false);
    a.saved('w', 1);
    expect(ca.posted).toHaveLength(3);
  });

  it('a failing listener does not keep the others from hearing', () => {
    const [ca, cb] = channelPair();
    const a = tab({ channel: ca, tabId: 'a' });
    const b = tab({ channel: cb, tabId: 'b' });
    vi.stubGlobal('reportError', vi.fn());
    const after = vi.fn();
    b.onMessage(() => {
      throw new Error('listener bug');
    });
    b.onMessage(after);
    a.saved('x', 1);
    expect(after).toHaveBeenCalledOnce();
  });

  it('is a no-op when BroadcastChannel is missing', () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    const s = tab();
    expect(s.enabled).toBe(false);
    const heard = vi.fn();
    s.onMessage(heard);
    expect(() => s.saved('x', 1)).not.toThrow();
    expect(() => s.close()).not.toThrow();
    expect(heard).not.toHaveBeenCalled();
  });

  it('uses the global BroadcastChannel named pathways-2030 by default', async () => {
    const a = tab({ tabId: 'a' });
    const peer = new NodeBroadcastChannel('pathways-2030');
    const got: unknown[] = [];
    peer.onmessage = (e: unknown) => got.push((e as { data: unknown }).data);
    a.saved('x', 7);
    await until(got, 1);
    peer.close();
    expect(a.enabled).toBe(true);
    expect(got).toEqual([{ type: 'saved', id: 'x', revision: 7, tabId: 'a' }]);
  });
});
