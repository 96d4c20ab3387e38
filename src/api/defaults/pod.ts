// Pod: core/v1 SetDefaults_Pod (on top of the PodSpec defaults), the pod registry strategy's
// PrepareForCreate (status = {phase: Pending, qosClass}) and, on create, the admission plugins.
import { type AdmissionContext, admitPod } from './admission.js';
import { defaultPodSpec } from './podspec.js';
import { podStatusQosClass } from './qos.js';
import { type Obj, child, isObj, items } from './util.js';

/** SetDefaults_Pod: only for Pods, never for pod templates. */
function setDefaultsPod(spec: Obj): void {
  for (const key of ['containers', 'initContainers']) {
    for (const c of items(spec, key)) {
      const res = child(c, 'resources');
      if (!isObj(res.limits)) continue;
      const requests = child(res, 'requests');
      for (const [name, q] of Object.entries(res.limits)) if (!(name in requests)) requests[name] = q;
    }
  }
  if (typeof spec.enableServiceLinks !== 'boolean') spec.enableServiceLinks = true;
  if (spec.hostNetwork === true) {
    for (const key of ['containers', 'initContainers']) {
      for (const c of items(spec, key)) for (const p of items(c, 'ports')) if (!p.hostPort) p.hostPort = p.containerPort;
    }
  }
}

export function defaultPod(pod: Obj, rand: () => string, create: boolean, ctx: AdmissionContext): void {
  const spec = child(pod, 'spec');
  setDefaultsPod(spec);
  defaultPodSpec(spec);
  if (!create) return;
  admitPod(pod, rand, ctx);
  pod.status = { phase: 'Pending', qosClass: podStatusQosClass(pod) };
}
