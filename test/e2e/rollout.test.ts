// kubectl set image and rollout status|history|undo|restart (polymorphichelpers' texts), on the
// real binary: a new ReplicaSet per image, the change-cause the Deployment's annotation gives its
// ReplicaSet, undo to the previous or a named revision, restart making a new ReplicaSet.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { cluster, type TestCluster } from './helpers.js';

describe('set image and rollout', () => {
  let k: TestCluster;
  beforeAll(() => {
    k = cluster();
    k.ok(['create', 'deployment', 'web', '--image=nginx:1.25', '--replicas=2']);
  });
  afterAll(() => k.cleanup());

  const image = () => k.ok(['get', 'deploy', 'web', '-o', 'jsonpath={.spec.template.spec.containers[0].image}']);
  const replicaSets = () => k.ok(['get', 'rs', '-l', 'app=web', '--no-headers', '-o', 'custom-columns=N:.metadata.name,D:.spec.replicas,REV:.metadata.annotations.deployment\\.kubernetes\\.io/revision']).trim().split('\n');

  it('set image rolls out a new ReplicaSet; the same image again changes nothing', () => {
    expect(k.ok(['rollout', 'status', 'deploy/web'])).toBe('deployment "web" successfully rolled out\n');
    expect(k.ok(['set', 'image', 'deploy/web', 'nginx=nginx:1.26'])).toBe('deployment.apps/web image updated\n');
    expect(image()).toBe('nginx:1.26');
    const rs = replicaSets();
    expect(rs).toHaveLength(2);
    expect(rs.filter((l) => / 2 +2$/.test(l))).toHaveLength(1); // the new one, revision 2, has the replicas
    expect(k.ok(['set', 'image', 'deploy/web', 'nginx=nginx:1.26'])).toBe('');
    const bad = k.run(['set', 'image', 'deploy/web', 'nope=busybox']);
    expect(bad).toMatchObject({ code: 1, stderr: 'error: deployments.apps/web unable to find container named "nope"\n' });
    expect(k.run(['set', 'image', 'deploy/web']).stderr).toBe('error: at least one image update is required\n');
  });

  it('rollout history lists the revisions with their change-cause', () => {
    k.ok(['annotate', 'deploy', 'web', 'kubernetes.io/change-cause=image 1.26']);
    expect(k.ok(['rollout', 'history', 'deployment', 'web'])).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         image 1.26\n\n');
    const one = k.ok(['rollout', 'history', 'deploy/web', '--revision=1']);
    expect(one).toMatch(/^deployment\.apps\/web with revision #1\nPod Template:\n  Labels:\tapp=web\n\tpod-template-hash=\w+\n  Containers:\n   nginx:\n    Image:\tnginx:1\.25\n/);
    expect(k.run(['rollout', 'history', 'deploy/web', '--revision=7']).stderr).toBe('error: unable to find the specified revision\n');
  });

  it('rollout undo goes back to the previous revision, which becomes the newest; --to-revision names one', () => {
    expect(k.ok(['rollout', 'undo', 'deploy/web'])).toBe('deployment.apps/web rolled back\n');
    expect(image()).toBe('nginx:1.25');
    expect(k.ok(['rollout', 'history', 'deploy/web'])).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         image 1.26\n3         <none>\n\n');
    expect(k.ok(['rollout', 'undo', 'deploy/web', '--to-revision=3'])).toBe('deployment.apps/web skipped rollback (current template already matches revision 3)\n');
    expect(k.run(['rollout', 'undo', 'deploy/web', '--to-revision=9']).stderr).toBe('error: unable to find specified revision 9 in history\n');
    expect(k.ok(['rollout', 'undo', 'deploy/web', '--to-revision=2'])).toBe('deployment.apps/web rolled back\n');
    expect(image()).toBe('nginx:1.26');
  });

  it('rollout restart makes a new ReplicaSet; a new deployment has no history to undo', () => {
    const before = replicaSets().length;
    expect(k.ok(['rollout', 'restart', 'deploy/web'])).toBe('deployment.apps/web restarted\n');
    expect(replicaSets()).toHaveLength(before + 1);
    expect(k.ok(['get', 'deploy', 'web', '-o', 'jsonpath={.spec.template.metadata.annotations.kubectl\\.kubernetes\\.io/restartedAt}'])).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    k.ok(['create', 'deployment', 'fresh', '--image=nginx']);
    expect(k.run(['rollout', 'undo', 'deploy/fresh']).stderr).toBe('error: no rollout history found for deployment "fresh"\n');
    expect(k.run(['rollout', 'status', 'deploy/nope']).stderr).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
    expect(k.run(['rollout', 'pause', 'deploy/web'])).toMatchObject({ code: 1, stderr: 'error: kubesim does not simulate "kubectl rollout pause": its deployments roll out at once\n' });
  });

  it('rollout status waits while the new pods are not ready, and gives up at --timeout', () => {
    const slow = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: slow}\nspec:\n  selector: {matchLabels: {app: slow}}\n  template:\n    metadata: {labels: {app: slow}}\n    spec:\n      containers:\n      - name: c\n        image: busybox\n        command: [sleep, "3600"]\n        readinessProbe:\n          exec: {command: [cat, /tmp/ready]}\n          periodSeconds: 1\n';
    k.ok(['apply', '-f', '-'], { input: slow });
    const r = k.run(['rollout', 'status', 'deploy/slow', '--timeout=1s']);
    expect(r).toMatchObject({ code: 1, stdout: 'Waiting for deployment "slow" rollout to finish: 0 of 1 updated replicas are available...\n', stderr: 'error: timed out waiting for the condition\n' });
    expect(k.run(['rollout', 'status', 'deploy/slow', '--watch=false'])).toMatchObject({ code: 0, stdout: 'Waiting for deployment "slow" rollout to finish: 0 of 1 updated replicas are available...\n' });
    k.ok(['exec', 'deploy/slow', '--', 'touch', '/tmp/ready']);
    expect(k.ok(['rollout', 'status', 'deploy/slow', '--timeout=10s'])).toMatch(/deployment "slow" successfully rolled out\n$/);
  });
});
