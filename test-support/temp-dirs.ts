// Test support: temp folders made by a test file and removed after its tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/**
 * Returns a `tempDir(prefix)` that makes a fresh folder under the system temp folder and a
 * `made` list; every folder in `made` (tests may add their own) is removed after the file's tests.
 */
export function useTempDirs(): { tempDir: (prefix: string) => string; made: string[] } {
  const made: string[] = [];
  afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  return {
    made,
    tempDir: (prefix) => {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      made.push(dir);
      return dir;
    },
  };
}
