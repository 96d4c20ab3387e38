import { describe, expect, it } from 'vitest';
import {
  splitResourcesAndPairs,
  parseLabelChanges,
  parseAnnotationChanges,
  checkAnnotationRemovals,
  labelOverwriteErrors,
  annotationOverwriteError,
  applyChanges,
  labelMessage,
} from '../../src/cli/verbs/label/pairs.js';
import { planTargets, formatCollected, Aggregate, parseGoBool, parseGoInt } from '../../src/cli/verbs/label/targets.js';
import { listMap } from '../../src/cli/verbs/label/index.js';
import { CliError, NotFoundError, ExitCode } from '../../src/util/errors.js';

describe('resources and changes', () => {
  it('splits like cmdutil.GetResourcesAndPairs', () => {
    expect(splitResourcesAndPairs(['pods', 'x', 'a=b', 'c-'], 'label')).toEqual({ resources: ['pods', 'x'], pairs: ['a=b', 'c-'] });
    expect(splitResourcesAndPairs(['pods', 'x', '=v', '-'], 'label')).toEqual({ resources: ['pods', 'x', '=v', '-'], pairs: [] });
    expect(() => splitResourcesAndPairs(['pods', 'a=b', 'x'], 'label')).toThrow('all resources must be specified before label changes: x');
    expect(() => splitResourcesAndPairs(['pods', 'a=b', 'x'], 'annotation')).toThrow('all resources must be specified before annotation changes: x');
  });

  it('parses label changes with kubectl\'s errors', () => {
    const c = parseLabelChanges(['a=1', 'b=', 'c-']);
    expect([...c.set]).toEqual([
      ['a', '1'],
      ['b', ''],
    ]);
    expect(c.remove).toEqual(['c']);
    expect(() => parseLabelChanges(['a=b=c'])).toThrow('invalid label spec: a=b=c');
    expect(() => parseLabelChanges(['a=b', 'a-'])).toThrow('can not both modify and remove a label in the same command');
    expect(() => parseLabelChanges(['k=-bad'])).toThrow(
      `invalid label value: "k=-bad": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
    );
  });

  it('parses annotation changes: values may hold =', () => {
    const c = parseAnnotationChanges(['a=b=c', 'd=', 'e-']);
    expect(c.set.get('a')).toBe('b=c');
    expect(c.set.get('d')).toBe('');
    expect(c.remove).toEqual(['e']);
    expect(() => checkAnnotationRemovals(parseAnnotationChanges(['a=1', 'a-', 'b=2', 'b-']))).toThrow(
      'can not both modify and remove the following annotation(s) in the same command: a, b',
    );
  });

  it('refuses to change existing values without --overwrite (same value is fine)', () => {
    const cur = { app: 'x', tier: 'web' };
    expect(labelOverwriteErrors(cur, parseLabelChanges(['app=x', 'new=1']))).toEqual([]);
    expect(labelOverwriteErrors(cur, parseLabelChanges(['app=y', 'tier=z'])).map((e) => e.message)).toEqual([
      "'app' already has a value (x), and --overwrite is false",
      "'tier' already has a value (web), and --overwrite is false",
    ]);
    expect(annotationOverwriteError({ note: 'hi', b: '2' }, parseAnnotationChanges(['note=ho', 'b=3']))?.message).toBe(
      "--overwrite is false but found the following declared annotation(s): 'note' already has a value (hi); 'b' already has a value (2)",
    );
    expect(annotationOverwriteError({ note: 'hi' }, parseAnnotationChanges(['note=hi']))).toBeUndefined();
    expect(annotationOverwriteError({ 'kubernetes.io/change-cause': 'a' }, parseAnnotationChanges(['kubernetes.io/change-cause=b']))).toBeUndefined();
  });

  it('applies changes, always giving a map', () => {
    expect(applyChanges(undefined, parseLabelChanges(['x-']))).toEqual({});
    expect(applyChanges({ a: '1', b: '2' }, parseLabelChanges(['b-', 'c=3']))).toEqual({ a: '1', c: '3' });
  });
});

describe('the labeled / unlabeled / not labeled message (byte comparison, as kubectl 1.32)', () => {
  const pod = (labels?: Record<string, string>) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x', ...(labels ? { labels } : {}) } });
  it.each([
    [{ app: 'x', tier: 'web' }, { app: 'x', tier: 'web', new: '1' }, false, 'labeled'],
    [{ app: 'x', tier: 'web' }, { app: 'x' }, false, 'unlabeled'],
    [{ app: 'x', tier: 'web' }, { app: 'x' }, true, 'labeled'],
    [{ app: 'x', tier: 'web' }, { app: 'x', tier: 'web' }, false, 'not labeled'],
    // new=1 added, tier=web removed: shorter JSON, so "unlabeled"
    [{ app: 'x', tier: 'web' }, { app: 'x', new: '1' }, false, 'unlabeled'],
    [{ app: 'x', tier: 'web' }, { app: 'x', newlabel: '12345' }, false, 'labeled'],
    // removing a missing label from an object without labels adds `labels: {}`
    [undefined, {}, false, 'labeled'],
  ])('%j → %j (overwrite %s): %s', (before, after, overwrite, message) => {
    expect(labelMessage(pod(before), pod(after), overwrite)).toBe(message);
  });
});

describe('--list', () => {
  const obj = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' } };
  it('prints bare pairs for one object, a header and indented pairs otherwise', () => {
    expect(listMap('labels', obj, { b: '2', a: '1' }, true)).toBe('a=1\nb=2\n');
    expect(listMap('labels', obj, { a: '1' }, false)).toBe('Listing labels for Deployment.apps/web:\n a=1\n');
    expect(listMap('annotations', { ...obj, apiVersion: 'v1', kind: 'Pod' }, undefined, false)).toBe('Listing annotations for Pod./web:\n');
  });
});

describe('targets and errors', () => {
  it('checks the resource arguments like the builder', () => {
    expect(() => planTargets([], {})).toThrow("You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'");
    expect(() => planTargets([], { selector: 'a=b' })).toThrow('at least one resource must be specified to use a selector');
    expect(() => planTargets(['pods'], {})).toThrow('resource(s) were provided, but no name was specified');
    expect(() => planTargets(['pods', 'x'], { selector: 'a=b' })).toThrow('name cannot be provided when a selector is specified');
    expect(() => planTargets(['pods/x'], { selector: 'a=b' })).toThrow('selectors and the all flag cannot be used when passing resource/name arguments');
    expect(() => planTargets(['foos', 'x'], {})).toThrow('the server doesn\'t have a resource type "foos"');
    expect(planTargets(['pods', 'x'], {}).singleItemImplied).toBe(true);
    expect(planTargets(['pod/x'], {}).singleItemImplied).toBe(true);
    expect(planTargets(['pods', 'x', 'y'], {}).singleItemImplied).toBe(false);
    expect(planTargets(['pods'], { all: true }).singleItemImplied).toBe(false);
    expect(planTargets(['pods'], { selector: 'app=web' }).requests?.[0].names).toEqual([]);
  });

  it('prints one error with its prefix, several one per line', () => {
    expect(formatCollected([new CliError('boom')])).toBe('error: boom');
    expect(formatCollected([new NotFoundError('pods', 'x')])).toBe('Error from server (NotFound): pods "x" not found');
    expect(formatCollected([new NotFoundError('pods', 'x'), new CliError('boom')])).toBe('Error from server (NotFound): pods "x" not found\nboom');
    expect(formatCollected([new Aggregate([new CliError('a'), new CliError('b')])])).toBe('a\nb');
    expect(formatCollected([new Aggregate([new CliError('a'), new CliError('b')]), new CliError('c')])).toBe('[a, b]\nc');
  });

  it('parses bool and int flag values like strconv', () => {
    expect(parseGoBool('F', '--namespaced', 'api-resources')).toBe(false);
    expect(parseGoBool('True', '--namespaced', 'api-resources')).toBe(true);
    expect(() => parseGoBool('yes', '--namespaced', 'api-resources')).toThrow(ExitCode);
    expect(parseGoInt('+3', '--replicas', 'scale')).toBe(3);
    expect(() => parseGoInt('1.5', '--replicas', 'scale')).toThrow(
      `Error: invalid argument "1.5" for "--replicas" flag: strconv.ParseInt: parsing "1.5": invalid syntax\nSee 'kubesim scale --help' for usage.`,
    );
  });
});
