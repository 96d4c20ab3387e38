import { describe, expect, it } from 'vitest';
import { renderContexts, kubeconfig } from '../../src/cli/verbs/config/index.js';

describe('config get-contexts', () => {
  it('lays the table out with get\'s tab-writer (trailing padding when NAMESPACE is empty)', () => {
    expect(renderContexts('', [], {}).out).toBe('CURRENT   NAME      CLUSTER   AUTHINFO   NAMESPACE\n*         kubesim   kubesim   kubesim    \n');
    expect(renderContexts('dev', [], {}).out).toBe('CURRENT   NAME      CLUSTER   AUTHINFO   NAMESPACE\n*         kubesim   kubesim   kubesim    dev\n');
    expect(renderContexts('dev', [], { headers: false }).out).toBe('*     kubesim   kubesim   kubesim   dev\n');
    expect(renderContexts('', [], { output: 'name' }).out).toBe('kubesim\n');
  });

  it('reports unknown contexts and formats', () => {
    expect(renderContexts('', ['nope'], {})).toEqual({ out: 'CURRENT   NAME   CLUSTER   AUTHINFO   NAMESPACE\n', errors: ['context nope not found'] });
    expect(() => renderContexts('', [], { output: 'wide' })).toThrow(
      '--output wide is not available in kubesim config get-contexts; resetting to default output format',
    );
  });
});

describe('config view', () => {
  it('has kubectl\'s field order and the namespace only when set', () => {
    const doc = kubeconfig('');
    expect(Object.keys(doc)).toEqual(['kind', 'apiVersion', 'preferences', 'clusters', 'users', 'contexts', 'current-context']);
    expect(doc.contexts).toEqual([{ name: 'kubesim', context: { cluster: 'kubesim', user: 'kubesim' } }]);
    expect((kubeconfig('dev').contexts as { context: { namespace?: string } }[])[0].context.namespace).toBe('dev');
  });
});
