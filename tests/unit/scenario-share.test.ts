// Protects share links: a scenario survives the round trip through the URL fragment exactly, the link
// stays short for a typical scenario, and broken, tampered or oversized links are rejected with a
// message naming the link, never an exception.
import { describe, expect, it } from 'vitest';
import '../../src/i18n/english.ts';
import { decodeShare, encodeShare, sharePayload, shareLink, SHARE_LINK_COMFORT_LIMIT } from '../../src/scenario/share.ts';
import { PRESETS } from '../../src/scenario/presets.ts';
import { describeRestoreError } from '../../src/scenario/restore.ts';

describe('share links', () => {
  it('every preset round-trips through a link unchanged', async () => {
    for (const preset of PRESETS) {
      const link = await shareLink('http://127.0.0.1:5173/', preset, '0.1.0');
      const payload = sharePayload(new URL(link).hash);
      expect(payload).not.toBeNull();
      const back = await decodeShare(payload!);
      expect(back.ok, preset.name).toBe(true);
      if (back.ok) expect(back.scenarios[0]).toEqual(preset);
    }
  });

  it('a typical scenario gives a link short enough for chat tools', async () => {
    const link = await shareLink('http://127.0.0.1:5173/', PRESETS.at(-1)!, '0.1.0');
    expect(link.length).toBeLessThan(SHARE_LINK_COMFORT_LIMIT);
  });

  it('a link cut short or tampered with is rejected with a message, not an exception', async () => {
    const payload = await encodeShare(PRESETS[0]!, '0.1.0');
    for (const bad of [payload.slice(0, payload.length / 2), `${payload}!!`, 'AAAA', '', payload.replace(/[A-Z]/, 'x')]) {
      const r = await decodeShare(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(describeRestoreError(r)).toMatch(/^Share link: /);
    }
  });

  it('a link whose content is valid JSON but not a scenario names the field', async () => {
    const json = new TextEncoder().encode(JSON.stringify({ type: 'pathways-2030/scenarios', version: 1, app: 'x', model: 'x', exportedAt: '2026-01-01T00:00:00Z', scenarios: [{ ...PRESETS[0]!, levers: { ...PRESETS[0]!.levers, networkRollout: { value: 999, start: null } } }] }));
    const packed = new Uint8Array(await new Response(new Blob([json]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer());
    const payload = btoa(String.fromCharCode(...packed)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    const r = await decodeShare(payload);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.path).toBe('scenarios.0.levers.networkRollout.value');
  });

  it('a decompression bomb (over 1 MB expanded) is refused', async () => {
    const huge = new TextEncoder().encode(' '.repeat(3 * 1024 * 1024));
    const packed = new Uint8Array(await new Response(new Blob([huge]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer());
    const payload = btoa(String.fromCharCode(...packed)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    const r = await decodeShare(payload);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/1 MB/);
  });

  it('a hash without a share link is not one', () => {
    expect(sharePayload('')).toBeNull();
    expect(sharePayload('#main')).toBeNull();
  });
});
