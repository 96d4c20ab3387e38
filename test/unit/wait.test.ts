import { describe, expect, it } from 'vitest';
import type { KObject } from '../../src/api/types.js';
import { parseDurationNanos, parseGoDuration } from '../../src/cli/verbs/wait/duration.js';
import { parseFor, conditionMet, jsonPathMet, splitJsonPathInput } from '../../src/cli/verbs/wait/conditions.js';
import { ExitCode, CliError } from '../../src/util/errors.js';

const S = 1_000_000_000n;

describe('Go time.ParseDuration', () => {
  it.each([
    ['30s', 30n * S],
    ['1m', 60n * S],
    ['2m30s', 150n * S],
    ['500ms', 500_000_000n],
    ['1.5h', 5400n * S],
    ['.5s', 500_000_000n],
    ['1.s', S],
    ['0', 0n],
    ['-0', 0n],
    ['+5s', 5n * S],
    ['-1s', -S],
    ['1h2m3s4ms5us6ns', 3723n * S + 4_000_000n + 5_000n + 6n],
    ['1µs', 1000n],
    ['1μs', 1000n],
    ['0.000000001s', 1n],
  ])('%s', (text, nanos) => {
    expect(parseDurationNanos(text)).toBe(nanos);
  });

  it.each([
    ['', 'time: invalid duration ""'],
    ['abc', 'time: invalid duration "abc"'],
    ['5', 'time: missing unit in duration "5"'],
    ['-1', 'time: missing unit in duration "-1"'],
    ['1h2', 'time: missing unit in duration "1h2"'],
    ['1e3s', 'time: unknown unit "e" in duration "1e3s"'],
    ['5S', 'time: unknown unit "S" in duration "5S"'],
    ['.s', 'time: invalid duration ".s"'],
    ['-', 'time: invalid duration "-"'],
    ['3x\u00e9', 'time: unknown unit "x\\xc3\\xa9" in duration "3x\\xc3\\xa9"'],
    ['9999999999h', 'time: invalid duration "9999999999h"'],
  ])('rejects %j like Go', (text, message) => {
    expect(() => parseDurationNanos(text)).toThrow(message);
  });

  it('turns a bad flag value into pflag\'s error and gives milliseconds otherwise', () => {
    expect(parseGoDuration('2m30s', '--timeout', 'wait')).toBe(150_000);
    expect(parseGoDuration('250ms', '--timeout', 'wait')).toBe(250);
    let err: unknown;
    try {
      parseGoDuration('abc', '--timeout', 'wait');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ExitCode);
    expect((err as ExitCode).message).toBe(
      `Error: invalid argument "abc" for "--timeout" flag: time: invalid duration "abc"\nSee 'kubesim wait --help' for usage.`,
    );
  });
});

describe('--for parsing', () => {
  it('reads the condition forms', () => {
    expect(parseFor('delete')).toEqual({ kind: 'delete' });
    expect(parseFor('Delete')).toEqual({ kind: 'delete' });
    expect(parseFor('create')).toEqual({ kind: 'create' });
    expect(parseFor('condition=Ready')).toEqual({ kind: 'condition', name: 'Ready', value: 'true' });
    expect(parseFor('condition=Ready=false')).toEqual({ kind: 'condition', name: 'Ready', value: 'false' });
    expect(parseFor('jsonpath={.status.phase}=Running')).toEqual({ kind: 'jsonpath', expr: '{.status.phase}', value: 'Running' });
    expect(parseFor(`jsonpath={.status.phase}="Running"`)).toMatchObject({ value: 'Running' });
    expect(parseFor('jsonpath=.status.readyReplicas')).toEqual({ kind: 'jsonpath', expr: '{.status.readyReplicas}', value: undefined });
    expect(parseFor('jsonpath={.status.conditions[?(@.type=="Ready")].status}=True')).toEqual({
      kind: 'jsonpath',
      expr: '{.status.conditions[?(@.type=="Ready")].status}',
      value: 'True',
    });
  });

  it.each([
    ['', 'unrecognized condition: ""'],
    ['foo', 'unrecognized condition: "foo"'],
    ['condition', 'unrecognized condition: "condition"'],
    ['jsonpath=', 'jsonpath expression cannot be empty'],
    ['jsonpath={.a}=', "jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3"],
    ['jsonpath={.a}=b=c', "jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'"],
    ['jsonpath={.a', "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'"],
  ])('rejects %j with kubectl\'s message', (text, message) => {
    expect(() => parseFor(text)).toThrow(CliError);
    expect(() => parseFor(text)).toThrow(message);
  });

  it('splits on single = only', () => {
    expect(splitJsonPathInput('a.b.c====d.e.f===g.h.i===')).toEqual(['a.b.c====d.e.f==', 'g.h.i==', '']);
  });
});

const pod = (conditions: unknown[], extra: Record<string, unknown> = {}): KObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web', namespace: 'default' },
  status: { phase: 'Running', conditions, ...extra },
});

describe('condition checks', () => {
  const ready = pod([
    { type: 'PodScheduled', status: 'True' },
    { type: 'Ready', status: 'True' },
  ]);

  it('compares type and status case-insensitively, true by default', () => {
    expect(conditionMet(ready, 'Ready', 'true')).toBe(true);
    expect(conditionMet(ready, 'ready', 'TRUE')).toBe(true);
    expect(conditionMet(ready, 'Ready', 'false')).toBe(false);
    expect(conditionMet(ready, 'ContainersReady', 'true')).toBe(false);
    expect(conditionMet(pod([{ type: 'Ready', status: 'False' }]), 'Ready', 'false')).toBe(true);
    expect(conditionMet({ ...ready, status: {} }, 'Ready', 'true')).toBe(false);
  });

  it('ignores conditions observed for an older generation', () => {
    const deploy: KObject = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', generation: 3 },
      status: { observedGeneration: 2, conditions: [{ type: 'Available', status: 'True' }] },
    };
    expect(conditionMet(deploy, 'Available', 'true')).toBe(false);
    deploy.status.observedGeneration = 3;
    expect(conditionMet(deploy, 'Available', 'true')).toBe(true);
    deploy.status.conditions[0].observedGeneration = 1;
    expect(conditionMet(deploy, 'Available', 'true')).toBe(false);
  });

  it('jsonpath: one scalar value, compared as Go prints it', () => {
    const p = pod([{ type: 'Ready', status: 'True' }], { podIP: '10.244.0.5' });
    expect(jsonPathMet(p, '{.status.phase}', 'Running')).toBe(true);
    expect(jsonPathMet(p, '{.status.phase}', 'Pending')).toBe(false);
    expect(jsonPathMet(p, '{.status.podIP}', undefined)).toBe(true);
    expect(jsonPathMet(p, '{.status.hostIP}', undefined)).toBe(false);
    expect(jsonPathMet(p, '{.status.conditions[?(@.type=="Ready")].status}', 'True')).toBe(true);
    const d: KObject = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' }, status: { readyReplicas: 3 } };
    expect(jsonPathMet(d, '{.status.readyReplicas}', '3')).toBe(true);
    expect(() => jsonPathMet(p, '{.status.conditions}', 'x')).toThrow('jsonpath leads to a nested object or list which is not supported');
    expect(() => jsonPathMet(ready, '{.status.conditions[*].type}', 'x')).toThrow('given jsonpath expression matches more than one value');
  });
});
