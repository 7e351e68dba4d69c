import { describe, expect, it } from 'vitest';
import { KeyFileSecretBox } from '../../../main/core/settings/key-file-secret-box.ts';
import { layeredSecretBox } from '../../../main/core/settings/layered-secret-box.ts';
import { safeStorageSecretBox } from '../../../main/core/settings/safe-storage-secret-box.ts';
import { fakeSafeStorage } from '../../fixtures/fake-safe-storage.ts';
import { tempDir } from '../harness.ts';

describe('a secret saved in one mode opens in the other', () => {
  it('a key-file secret from browser mode opens under Electron, and new secrets use the keychain', () => {
    const dir = tempDir();
    const sealedInBrowserMode = new KeyFileSecretBox(dir).encrypt('smtp-pass');
    const electronBox = layeredSecretBox(safeStorageSecretBox(fakeSafeStorage(), 'linux'), new KeyFileSecretBox(dir));
    expect(electronBox.decrypt(sealedInBrowserMode)).toBe('smtp-pass');
    const resealed = electronBox.encrypt('smtp-pass');
    expect(resealed.startsWith('ss1:')).toBe(true);
    expect(electronBox.decrypt(resealed)).toBe('smtp-pass');
    expect(electronBox.weaknessWarning()).toBeNull();
  });

  it('fails when no box can open the secret', () => {
    const box = layeredSecretBox(safeStorageSecretBox(fakeSafeStorage(), 'linux'), new KeyFileSecretBox(tempDir()));
    expect(() => box.decrypt('garbage:xyz')).toThrow();
  });
});
