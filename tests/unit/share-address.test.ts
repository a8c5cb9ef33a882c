// Protects where share links point: loopback addresses are recognised (so the Share dialog can warn),
// a typed hosted address is validated with a message naming the field and normalised to a folder, a
// remembered address is used for links and a broken stored value is ignored; and the QR drawing holds
// exactly the link's modules or says the link is too long.
import { describe, expect, it } from 'vitest';
import '../../src/i18n/english.ts';
import { encode } from 'uqr';
import { checkHostedAddress, HOSTED_ADDRESS_KEY, isLoopbackHost, loadHostedAddress, saveHostedAddress, shareBase } from '../../src/state/share-address.ts';
import { QR_BORDER, qrDrawing } from '../../src/components/qr.ts';

function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  };
}

describe('loopback addresses', () => {
  it('localhost, 127.0.0.0/8, ::1 and 0.0.0.0 only open on this computer; LAN and public hosts do not count', () => {
    for (const h of ['localhost', 'LOCALHOST', 'app.localhost', '127.0.0.1', '127.1.2.3', '[::1]', '::1', '0.0.0.0']) expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ['192.168.1.20', '10.0.0.5', 'intranet', 'tools.example.org', '128.0.0.1', 'localhost.example.org']) expect(isLoopbackHost(h), h).toBe(false);
  });
});

describe('hosted address', () => {
  it('normalises to origin + folder ending in "/", dropping query, fragment and index.html', () => {
    expect(checkHostedAddress(' https://tools.example.org/pathways ')).toEqual({ ok: true, address: 'https://tools.example.org/pathways/' });
    expect(checkHostedAddress('https://tools.example.org/pathways/index.html?x=1#s=abc')).toEqual({ ok: true, address: 'https://tools.example.org/pathways/' });
    expect(checkHostedAddress('http://intranet:8080')).toEqual({ ok: true, address: 'http://intranet:8080/' });
  });

  it('rejects empty, non-URL, non-http(s), credentials and loopback input with a message naming the field', () => {
    const bad: Array<[string, RegExp]> = [
      ['', /enter the address/],
      ['tools.example.org/pathways', /is not a web address/],
      ['ftp://example.org/', /must start with https:\/\/ or http:\/\//],
      ['javascript:alert(1)', /must start with https:\/\/ or http:\/\//],
      ['https://me:secret@example.org/', /user name or password/],
      ['http://127.0.0.1:5173/', /this computer's own address/],
    ];
    for (const [text, why] of bad) {
      const r = checkHostedAddress(text);
      expect(r.ok, text).toBe(false);
      if (!r.ok) {
        expect(r.message.startsWith('Hosted address: '), text).toBe(true);
        expect(r.message, text).toMatch(why);
      }
    }
  });

  it('is remembered, forgotten, and a tampered stored value is ignored', () => {
    const s = memoryStorage();
    expect(loadHostedAddress(s)).toBe('');
    expect(saveHostedAddress('https://tools.example.org/pathways/', s)).toBe(true);
    expect(loadHostedAddress(s)).toBe('https://tools.example.org/pathways/');
    s.setItem(HOSTED_ADDRESS_KEY, 'javascript:alert(1)');
    expect(loadHostedAddress(s)).toBe('');
    saveHostedAddress('', s);
    expect(s.getItem(HOSTED_ADDRESS_KEY)).toBeNull();
    expect(saveHostedAddress('https://x.org/', null)).toBe(false);
  });

  it('share links use the hosted address when set, else this page\'s folder', () => {
    const here = { origin: 'http://127.0.0.1:5173', pathname: '/index.html' };
    expect(shareBase(here, '')).toBe('http://127.0.0.1:5173/');
    expect(shareBase({ origin: 'https://a.org', pathname: '/sub/path/' }, '')).toBe('https://a.org/sub/path/');
    expect(shareBase(here, 'https://tools.example.org/pathways/')).toBe('https://tools.example.org/pathways/');
  });
});

describe('QR drawing', () => {
  it('draws exactly the dark modules uqr encodes, inside a 4-module quiet zone', () => {
    const text = 'https://tools.example.org/pathways/#s=' + 'A'.repeat(300);
    const qr = qrDrawing(text)!;
    const ref = encode(text, { ecc: 'L', border: QR_BORDER });
    expect(qr.size).toBe(ref.size);
    // Rasterise the path's runs back into a grid and compare.
    const grid = Array.from({ length: qr.size }, () => Array<boolean>(qr.size).fill(false));
    for (const m of qr.d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
      const [x, y, w] = [Number(m[1]), Number(m[2]), Number(m[3])];
      for (let i = 0; i < w; i++) grid[y]![x + i] = true;
    }
    expect(grid).toEqual(ref.data);
    for (let i = 0; i < QR_BORDER; i++) expect(grid[i]!.some(Boolean)).toBe(false);
  });

  it('returns null (too long) past 1,273 bytes, the most a version-25 code holds', () => {
    expect(qrDrawing('x'.repeat(1273))).not.toBeNull();
    expect(qrDrawing('x'.repeat(1274))).toBeNull();
  });
});
