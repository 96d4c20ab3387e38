// Service variables are kept once per distinct set (state.runtime `env/<digest>`), not once per
// container: every container still sees exactly the Services of its start, and the shared set
// goes when no container uses it.
import { describe, it, expect } from 'vitest';
import '../../src/runtime/tick.js';
import { containerEnv, containerHandle } from '../../src/runtime/container.js';
import { deleteObject } from '../../src/api/server.js';
import { reconcile } from '../../src/controllers/index.js';
import { advance, create, getPod, makeCluster, pod, svc } from './network-fixture.js';

const shared = (c: ReturnType<typeof makeCluster>) => Object.keys(c.state.runtime).filter((k) => k.startsWith('env/'));

describe('shared Service environments', () => {
  it('one copy for containers started with the same Services; each sees the Services of its start', () => {
    const c = makeCluster();
    reconcile(c);
    const system = shared(c).length; // the system pods' sets
    create(c, svc('first', { selector: { app: 'x' }, ports: [{ port: 80 }] }));
    create(c, pod('a', 'nginx'), pod('b', 'nginx'));
    advance(c, 5);
    expect(shared(c)).toHaveLength(system + 1);
    create(c, svc('second', { selector: { app: 'y' }, ports: [{ port: 81 }] }));
    create(c, pod('late', 'nginx'));
    advance(c, 5);
    expect(shared(c)).toHaveLength(system + 2);
    const envOf = (name: string) => containerEnv(containerHandle(c, getPod(c, name)));
    expect(envOf('a').FIRST_SERVICE_PORT).toBe('80');
    expect(envOf('a').SECOND_SERVICE_HOST).toBeUndefined();
    expect(envOf('late').SECOND_SERVICE_PORT).toBe('81');
    expect(envOf('late').KUBERNETES_SERVICE_HOST).toBe('10.96.0.1');
    // The spec's own env wins over a Service variable of the same name.
    create(c, pod('own', 'nginx', { spec: { containers: [{ name: 'app', image: 'nginx', env: [{ name: 'FIRST_SERVICE_PORT', value: 'mine' }] }] } }));
    advance(c, 5);
    expect(envOf('own').FIRST_SERVICE_PORT).toBe('mine');
    expect(envOf('own').SECOND_SERVICE_PORT).toBe('81');
  });

  it('a shared set goes with the last container that used it', () => {
    const c = makeCluster();
    reconcile(c);
    const system = shared(c).length;
    create(c, svc('only', { selector: { app: 'z' }, ports: [{ port: 82 }] }));
    create(c, pod('a', 'nginx'));
    advance(c, 5);
    expect(shared(c)).toHaveLength(system + 1);
    deleteObject(c, getPod(c, 'a'));
    reconcile(c);
    advance(c, 60);
    expect(c.get('pods', 'default', 'a')).toBeUndefined();
    expect(shared(c)).toHaveLength(system);
  });
});
