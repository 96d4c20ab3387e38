// Events are kept beside the state file (`<state>.events`, src/store/events-file.ts) and read
// only when a command needs them. What a user sees must not change: get events, describe, reset,
// an older state file with its Events inside, a stale or broken sidecar.
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cluster } from './helpers.js';

const reasons = (text: string) => text.split('\n').slice(1).filter(Boolean).map((l) => l.split(/\s+/)[2]);

describe('the Events file', () => {
  it('holds the Events that get events and describe show; get pods leaves both files as they were', () => {
    const k = cluster();
    try {
      k.ok(['create', 'deployment', 'web', '--image=nginx']);
      expect(existsSync(`${k.state}.events`)).toBe(true);
      expect(k.stateText()).not.toContain('"Scheduled"');
      expect(reasons(k.ok(['get', 'events']))).toEqual(expect.arrayContaining(['ScalingReplicaSet', 'SuccessfulCreate', 'Scheduled', 'Started']));
      expect(k.ok(['describe', 'deploy', 'web'])).toMatch(/Normal {2}ScalingReplicaSet {2}\S+ +deployment-controller {2}Scaled up replica set web-\w+ to 1/);
      k.ok(['get', 'pods']);
      const state = k.stateText();
      const events = readFileSync(`${k.state}.events`, 'utf8');
      k.ok(['get', 'pods']);
      expect(k.stateText()).toBe(state);
      expect(readFileSync(`${k.state}.events`, 'utf8')).toBe(events);
    } finally {
      k.cleanup();
    }
  });

  it('a schema-1 state with its Events inside: shown, then moved beside it at the next write', () => {
    const k = cluster();
    try {
      k.ok(['create', 'deployment', 'web', '--image=nginx']);
      const s = JSON.parse(k.stateText());
      s.schemaVersion = 1;
      delete s.eventsOldest;
      s.objects.events = JSON.parse(readFileSync(`${k.state}.events`, 'utf8'));
      writeFileSync(k.state, JSON.stringify(s));
      rmSync(`${k.state}.events`);
      expect(reasons(k.ok(['get', 'events']))).toContain('ScalingReplicaSet');
      k.ok(['label', 'deploy', 'web', 'moved=yes']);
      const after = JSON.parse(k.stateText());
      expect(after.schemaVersion).toBe(2);
      expect(after.objects.events).toBeUndefined();
      expect(typeof after.eventsOldest).toBe('number');
      expect(Object.values(JSON.parse(readFileSync(`${k.state}.events`, 'utf8'))).map((e) => (e as { reason: string }).reason)).toContain('ScalingReplicaSet');
    } finally {
      k.cleanup();
    }
  });

  it('a new cluster does not take over the Events of a sidecar left behind; reset clears them; a broken one holds none', () => {
    const k = cluster();
    try {
      k.ok(['create', 'deployment', 'old', '--image=nginx']);
      rmSync(k.state);
      k.ok(['get', 'ns']);
      expect(k.ok(['get', 'events', '-A'])).not.toContain('old-');
      k.ok(['create', 'deployment', 'web', '--image=nginx']);
      expect(k.ok(['reset'])).toBeTruthy();
      expect(k.ok(['get', 'events'])).not.toContain('web-');
      writeFileSync(`${k.state}.events`, '{not json');
      const r = k.run(['get', 'events']);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('No resources found in default namespace.\n');
      k.ok(['create', 'deployment', 'again', '--image=nginx']);
      expect(reasons(k.ok(['get', 'events']))).toContain('ScalingReplicaSet');
    } finally {
      k.cleanup();
    }
  });
});
