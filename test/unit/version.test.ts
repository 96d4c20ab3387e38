import { describe, expect, it } from 'vitest';
import { renderVersion, clientPlatform } from '../../src/cli/verbs/version/index.js';

describe('version', () => {
  it('prints the three version lines, or two with --client', async () => {
    expect(await renderVersion({})).toBe('Client Version: v1.32.2\nKustomize Version: v5.5.0\nServer Version: v1.32.2\n');
    expect(await renderVersion({ client: true })).toBe('Client Version: v1.32.2\nKustomize Version: v5.5.0\n');
  });

  it('-o json keeps version.Info field order, two-space indent', async () => {
    const text = await renderVersion({ output: 'json' });
    const doc = JSON.parse(text);
    expect(Object.keys(doc)).toEqual(['clientVersion', 'kustomizeVersion', 'serverVersion']);
    expect(Object.keys(doc.serverVersion)).toEqual(['major', 'minor', 'gitVersion', 'gitCommit', 'gitTreeState', 'buildDate', 'goVersion', 'compiler', 'platform']);
    expect(doc.serverVersion).toMatchObject({ major: '1', minor: '32', gitVersion: 'v1.32.2', platform: 'linux/amd64' });
    expect(doc.clientVersion.platform).toBe(clientPlatform());
    expect(text).toMatch(/^\{\n  "clientVersion": \{\n    "major": "1",\n/);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('-o yaml sorts keys, quotes what YAML would misread, and ends with an empty line', async () => {
    const text = await renderVersion({ output: 'yaml', client: true });
    expect(text).toBe(
      'clientVersion:\n  buildDate: "2025-02-12T21:26:09Z"\n  compiler: gc\n  gitCommit: 67a30c0adcf52bd3f56ff0893ce19966be12991f\n  gitTreeState: clean\n' +
        `  gitVersion: v1.32.2\n  goVersion: go1.23.6\n  major: "1"\n  minor: "32"\n  platform: ${clientPlatform()}\nkustomizeVersion: v5.5.0\n\n`,
    );
  });

  it('rejects other formats', async () => {
    await expect(renderVersion({ output: 'wide' })).rejects.toThrow("--output must be 'yaml' or 'json'");
  });
});
