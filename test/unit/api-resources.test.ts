import { describe, expect, it } from 'vitest';
import { renderApiResources, verbsOf, sortResources } from '../../src/cli/verbs/api-resources/index.js';
import { apiVersions } from '../../src/cli/verbs/api-versions/index.js';
import { RESOURCES, mustPlural } from '../../src/api/registry.js';

describe('api-resources', () => {
  it('prints the table with the tab-writer, core group first', () => {
    const lines = renderApiResources({}).split('\n');
    expect(lines[0]).toMatch(/^NAME {2,}SHORTNAMES {3}APIVERSION {2,}NAMESPACED {3}KIND$/);
    expect(lines[1]).toMatch(/^bindings {2,}v1 {2,}true {9}Binding$/);
    const pods = lines.find((l) => l.startsWith('pods '))!;
    expect(pods.split(/ +/)).toEqual(['pods', 'po', 'v1', 'true', 'Pod']);
    const deploy = lines.find((l) => l.startsWith('deployments '))!;
    expect(deploy.split(/ +/)).toEqual(['deployments', 'deploy', 'apps/v1', 'true', 'Deployment']);
    expect(lines.indexOf(pods)).toBeLessThan(lines.indexOf(deploy));
    // every row has the same column starts as the header
    const kindAt = lines[0].indexOf('KIND');
    expect(lines.filter((l) => l).every((l) => l.length >= kindAt && l[kindAt - 1] === ' ')).toBe(true);
    expect(lines.length - 2).toBe(RESOURCES.length);
  });

  it('filters and sorts', () => {
    const names = renderApiResources({ output: 'name', namespaced: 'false' }).trim().split('\n');
    expect(names).toContain('nodes');
    expect(names).toContain('storageclasses.storage.k8s.io');
    expect(names).not.toContain('pods');
    expect(renderApiResources({ output: 'name', apiGroup: 'apps' })).toBe(
      'controllerrevisions.apps\ndaemonsets.apps\ndeployments.apps\nreplicasets.apps\nstatefulsets.apps\n',
    );
    expect(renderApiResources({ output: 'name', apiGroup: '', verbs: ['create'], namespaced: 'true', sortBy: 'kind' }).split('\n')[0]).toBe('bindings');
    expect(renderApiResources({ output: 'name', categories: ['all'] }).trim().split('\n')).toHaveLength(10);
    expect(sortResources([mustPlural('services'), mustPlural('deployments'), mustPlural('pods')], 'name').map((t) => t.plural)).toEqual([
      'deployments',
      'pods',
      'services',
    ]);
    expect(renderApiResources({ headers: false }).startsWith('bindings')).toBe(true);
  });

  it('-o wide adds VERBS and CATEGORIES as Go prints slices', () => {
    const wide = renderApiResources({ output: 'wide' }).split('\n');
    expect(wide[0].trim().split(/ +/)).toEqual(['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', 'VERBS', 'CATEGORIES']);
    expect(wide.find((l) => l.startsWith('pods '))).toMatch(/Pod +\[create delete deletecollection get list patch update watch\] +\[all\]$/);
    expect(wide.find((l) => l.startsWith('namespaces '))).toMatch(/\[create delete get list patch update watch\] +\[\]$/);
    expect(verbsOf(mustPlural('bindings'))).toEqual(['create']);
  });

  it('rejects what kubectl rejects', () => {
    expect(() => renderApiResources({ output: 'json' })).toThrow('--output json is not available');
    expect(() => renderApiResources({ sortBy: 'group' })).toThrow('--sort-by accepts only name or kind');
    expect(() => renderApiResources({ namespaced: 'maybe' })).toThrow('strconv.ParseBool: parsing "maybe": invalid syntax');
  });
});

describe('api-versions', () => {
  it('lists group/versions sorted byte-wise, v1 last', () => {
    const v = apiVersions();
    expect(v[0]).toBe('apps/v1');
    expect(v[v.length - 1]).toBe('v1');
    expect(v).toContain('networking.k8s.io/v1');
    expect([...v].sort()).toEqual(v);
    expect(new Set(v).size).toBe(v.length);
  });
});
