// Sealing at rest (PROTOCOL §6): AES-256-GCM, the key id recorded, old keys open only, the row bound as AAD.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSecretBox, isDigestOf, sha256Hex } from '../src/services/secretbox.js';

describe('the secret box', () => {
  const key = randomBytes(32);
  const box = createSecretBox(key);

  it('seals to v1.<key id>.<data> and opens it again; never the same twice', () => {
    const a = box.seal('the app secret', 'apps.secret:wx1');
    expect(a).toMatch(/^v1\.[0-9a-f]{8}\.[A-Za-z0-9_-]+$/);
    expect(a).not.toContain('the app secret');
    expect(box.seal('the app secret', 'apps.secret:wx1')).not.toBe(a);
    expect(box.open(a, 'apps.secret:wx1')).toBe('the app secret');
    expect(box.isStale(a)).toBe(false);
  });

  it('refuses a value moved to another row, or tampered with', () => {
    const a = box.seal('s', 'apps.secret:wx1');
    expect(() => box.open(a, 'apps.secret:wx2')).toThrow();
    // Flip one character well inside the data (the last one may only carry padding bits).
    const i = a.length - 10;
    const tampered = a.slice(0, i) + (a[i] === 'A' ? 'B' : 'A') + a.slice(i + 1);
    expect(() => box.open(tampered, 'apps.secret:wx1')).toThrow();
  });

  it('opens values of an old key, seals only under the new one, and names an unknown key id', () => {
    const old = box.seal('s', 'c');
    const next = createSecretBox(randomBytes(32), [key]);
    expect(next.open(old, 'c')).toBe('s');
    expect(next.isStale(old)).toBe(true);
    expect(next.isStale(next.seal('s', 'c'))).toBe(false);
    expect(() => createSecretBox(randomBytes(32)).open(old, 'c')).toThrow(/unknown key id [0-9a-f]{8}/);
  });

  it('keys its MAC by the master key and label', () => {
    expect(box.mac('login-code', 'x')).toBe(box.mac('login-code', 'x'));
    expect(box.mac('login-code', 'x')).not.toBe(box.mac('other', 'x'));
    expect(createSecretBox(randomBytes(32)).mac('login-code', 'x')).not.toBe(box.mac('login-code', 'x'));
  });

  it('compares digests in constant time, and only equal lengths', () => {
    expect(isDigestOf(sha256Hex('a'), 'a')).toBe(true);
    expect(isDigestOf(Buffer.from(sha256Hex('a'), 'hex'), 'a')).toBe(true);
    expect(isDigestOf(sha256Hex('a'), 'b')).toBe(false);
    expect(isDigestOf(sha256Hex('a').slice(0, 62), 'a')).toBe(false);
    expect(isDigestOf('not hex at all', 'a')).toBe(false);
  });
});
