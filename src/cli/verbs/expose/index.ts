// kubectl expose (-f FILE | TYPE NAME | TYPE/NAME) [--port] [--target-port] [--type] [--name] …:
// a Service selecting the exposed object's pods (its selector, or a pod's labels) on its ports
// (or --port), named after it; `service/x exposed`. Errors are collected per object.
import type { Command } from 'commander';
import type { Ctx } from '../../context.js';
import type { KObject } from '../../../api/types.js';
import { readManifests } from '../../manifests.js';
import { prepareManifest } from '../../objects/prepare.js';
import { parseResourceArgs, fetchRequests } from '../../builder.js';
import { CliError, ExitCode, formatError } from '../../../util/errors.js';
import { dryRunMode, parseObjectOutput } from '../create/print.js';
import { saveConfigTyped } from '../create/typed.js';
import { createInCluster, printOutcome } from '../create/submit.js';
import { generateExposeService } from './generator.js';
import { checkExposable, makeLabels, portsFor, protocolsFor, selectorFor } from './introspect.js';

export interface ExposeOptions {
  filename?: string[];
  recursive?: boolean;
  output?: string;
  dryRun?: string | boolean;
  port?: string;
  targetPort?: string;
  protocol?: string;
  type?: string;
  name?: string;
  selector?: string;
  labels?: string;
  externalIp?: string;
  clusterIp?: string;
  loadBalancerIp?: string;
  sessionAffinity?: string;
  saveConfig?: boolean;
  overrides?: string;
}

/**
 * What kubectl 1.32 fills in from the exposed objects: once set (by the first object), the
 * selector, port(s), labels and port protocols stay for the following objects of the same command.
 */
export interface ExposeState {
  selector: string;
  port: string;
  ports: string;
  labels: string;
  protocols: Map<string, string[]>;
}

export function initialState(o: ExposeOptions): ExposeState {
  return { selector: o.selector ?? '', port: o.port ?? '', ports: '', labels: o.labels ?? '', protocols: new Map() };
}

/** The Service kubectl generates for one exposed object. */
export function serviceFor(obj: KObject, o: ExposeOptions, state: ExposeState, namespace: string | undefined): KObject {
  checkExposable(obj);
  if (!state.selector) {
    try {
      state.selector = selectorFor(obj);
    } catch (e) {
      throw new CliError(`couldn't retrieve selectors via --selector flag or introspection: ${(e as Error).message}`);
    }
  }
  const headless = o.clusterIp === 'None';
  if (!state.port) {
    const found = portsFor(obj);
    if (found.length === 0 && !headless) throw new CliError("couldn't find port via --port flag or introspection");
    if (found.length === 1) state.port = found[0];
    else if (found.length > 1) state.ports = found.join(',');
  }
  const protocols = protocolsFor(obj);
  if (protocols.size) state.protocols = protocols;
  if (!state.labels) state.labels = makeLabels(obj.metadata.labels);
  return generateExposeService({
    name: o.name,
    defaultName: obj.metadata.name.slice(0, 63),
    namespace,
    selector: state.selector,
    port: state.port,
    ports: state.ports,
    labels: state.labels,
    protocol: o.protocol,
    protocols: state.protocols,
    targetPort: o.targetPort,
    externalIP: o.externalIp,
    loadBalancerIP: o.loadBalancerIp,
    type: o.type,
    sessionAffinity: o.sessionAffinity,
    clusterIP: o.clusterIp,
  });
}

export async function run(ctx: Ctx, args: string[], o: ExposeOptions, _cmd: Command): Promise<void> {
  const dry = dryRunMode(o.dryRun, (t) => ctx.err(t));
  const format = parseObjectOutput(o.output);
  if (o.overrides) throw new CliError('kubesim does not support "expose --overrides"; write a Service manifest and use "kubesim apply -f FILE" instead');
  if (!args.length && !o.filename?.length) {
    throw new CliError(
      `You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'`,
    );
  }
  if (args.length && o.filename?.length) throw new CliError('resources and filenames cannot be specified together');
  const parsed = args.length ? parseResourceArgs(args) : undefined;
  if (parsed && parsed.requests.some((r) => !r.names.length)) throw new CliError('resource(s) were provided, but no name was specified');
  const manifests = o.filename?.length ? readManifests(o.filename, o.recursive) : undefined;

  const { results, errors } = await ctx.update((cluster, namespace) => {
    const errors: unknown[] = [];
    const results: KObject[] = [];
    let sources: KObject[] = [];
    if (manifests) {
      for (const m of manifests) {
        try {
          sources.push(prepareManifest(m, namespace, ctx.namespaceFlag, { validate: 'ignore' }).obj);
        } catch (e) {
          errors.push(e);
        }
      }
    } else {
      const res = fetchRequests(cluster, parsed!.requests, { namespace });
      sources = res.found.map((f) => f.obj);
      errors.push(...res.errors);
    }
    const state = initialState(o);
    for (const obj of sources) {
      try {
        const svc = serviceFor(obj, o, state, dry === 'client' ? ctx.namespaceFlag : undefined);
        if (dry === 'client') {
          results.push(svc);
          continue;
        }
        if (o.saveConfig) saveConfigTyped(svc);
        results.push(createInCluster(cluster, svc, namespace, dry));
      } catch (e) {
        errors.push(e);
      }
    }
    // Nothing exposed: fail without saving the state (a failed request changes nothing).
    if (!results.length && errors.length) throw combined(errors);
    return { results, errors };
  });

  await printOutcome(ctx, results, { format, dry, op: 'exposed', typed: dry === 'client' });
  if (errors.length) throw combined(errors);
}

/** One error as itself; several as kubectl prints an aggregate (one line each). */
function combined(errors: unknown[]): unknown {
  return errors.length === 1 ? errors[0] : new ExitCode(1, errors.map(formatError).join('\n'));
}
