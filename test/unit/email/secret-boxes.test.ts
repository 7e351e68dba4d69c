import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KeyFileSecretBox } from '../../../main/core/settings/key-file-secret-box.ts';
import { BASIC_TEXT_WARNING, safeStorageSecretBox } from '../../../main/core/settings/safe-storage-secret-box.ts';
import { fakeSafeStorage } from '../../fixtures/fake-safe-storage.ts';
import { tempDir } from '../harness.ts';

describe('key-file SecretBox (browser mode)', () => {
  it('round-trips a secret, never shows it in the sealed form, and keeps the key owner-only', () => {
    const dir = tempDir();
    const box = new KeyFileSecretBox(dir);
    const sealed = box.encrypt('smtp secret ✓');
    expect(sealed).not.toContain('smtp secret');
    expect(box.encrypt('smtp secret ✓')).not.toBe(sealed); // random IV each time
    expect(new KeyFileSecretBox(dir).decrypt(sealed)).toBe('smtp secret ✓'); // same key file, new process
    expect(fs.statSync(path.join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
    expect(box.weaknessWarning()).toMatch(/weaker than an operating-system keychain/);
  });

  it('refuses a tampered secret and a secret sealed with another key', () => {
    const box = new KeyFileSecretBox(tempDir());
    const sealed = box.encrypt('smtp secret');
    const tampered = sealed.slice(0, -4) + (sealed.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect(() => box.decrypt(tampered)).toThrow();
    expect(() => new KeyFileSecretBox(tempDir()).decrypt(sealed)).toThrow();
  });
});

describe('safeStorage SecretBox (Electron)', () => {
  it('round-trips through safeStorage', () => {
    const box = safeStorageSecretBox(fakeSafeStorage('gnome_libsecret'), 'linux');
    expect(box.decrypt(box.encrypt('pw'))).toBe('pw');
    expect(box.weaknessWarning()).toBeNull();
  });

  it('warns when Linux falls back to the basic_text backend', () => {
    expect(safeStorageSecretBox(fakeSafeStorage('basic_text'), 'linux').weaknessWarning()).toBe(BASIC_TEXT_WARNING);
    expect(safeStorageSecretBox(fakeSafeStorage('basic_text'), 'darwin').weaknessWarning()).toBeNull();
  });
});
