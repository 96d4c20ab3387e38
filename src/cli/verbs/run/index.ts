// kubectl run NAME --image=IMG [--port] [--labels] [--env] [--restart] [--command] [-- ARGS…]:
// create one Pod (and with --expose a ClusterIP Service for it), with kubectl's checks and
// messages (`pod/x created`). Attaching (-i/-t/--rm/--attach) is not simulated (attach.ts).
import type { Command } from 'commander';
import type { Ctx } from '../../context.js';
import type { KObject } from '../../../api/types.js';
import { CliError, UsageError } from '../../../util/errors.js';
import { dryRunMode, parseObjectOutput, opMessage, printObjects, type DryRun } from '../create/print.js';
import { saveConfigTyped } from '../create/typed.js';
import { createInCluster, nameRef } from '../create/submit.js';
import { generatePod, isValidImageReference } from './generator.js';
import { generateExposeService } from '../expose/generator.js';
import { cannotAttachError, notAttachedWarning } from './attach.js';

export interface RunOptions {
  image?: string;
  port?: string;
  labels?: string;
  env?: string[];
  annotations?: string[];
  restart?: string;
  command?: boolean;
  imagePullPolicy?: string;
  privileged?: boolean;
  expose?: boolean;
  saveConfig?: boolean;
  stdin?: boolean;
  tty?: boolean;
  rm?: boolean;
  attach?: boolean;
  leaveStdinOpen?: boolean;
  overrides?: string;
  output?: string;
  dryRun?: string | boolean;
}

function restartPolicy(restart: string | undefined, interactive: boolean): string {
  if (!restart) return interactive ? 'OnFailure' : 'Always';
  if (['Always', 'OnFailure', 'Never'].includes(restart)) return restart;
  throw new UsageError(`invalid restart policy: ${restart}`, 'run');
}

/** RunOptions.Validate, in kubectl's order. */
function validate(args: string[], o: RunOptions, dry: DryRun): { policy: string; attach: boolean } {
  if (!args.length) throw new UsageError('NAME is required for run', 'run');
  const image = o.image!;
  if (!image) throw new CliError('--image is required');
  if (!isValidImageReference(image)) throw new CliError(`Invalid image name "${image}": invalid reference format`);
  if (o.tty && !o.stdin) throw new UsageError('-i/--stdin is required for containers with -t/--tty=true', 'run');
  if (o.expose && !o.port) throw new UsageError('--port must be set when exposing a service', 'run');
  const policy = restartPolicy(o.restart, !!o.stdin);
  const attach = !!o.attach || !!o.stdin;
  if (!attach && o.rm) throw new UsageError('--rm should only be used for attached containers', 'run');
  if (attach && dry !== 'none') {
    throw new UsageError("--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)", 'run');
  }
  const pull = o.imagePullPolicy ?? '';
  if (pull && !['Always', 'IfNotPresent', 'Never'].includes(pull)) throw new UsageError(`invalid image pull policy: ${pull}`, 'run');
  return { policy, attach };
}

export async function run(ctx: Ctx, args: string[], o: RunOptions, _cmd: Command): Promise<void> {
  if (o.image === undefined) throw new CliError('required flag(s) "image" not set');
  const dry = dryRunMode(o.dryRun, (t) => ctx.err(t));
  const format = parseObjectOutput(o.output);
  const { policy, attach } = validate(args, o, dry);
  if (o.overrides) throw new CliError('kubesim does not support "run --overrides"; write a Pod manifest and use "kubesim apply -f FILE" instead');

  const name = args[0];
  const attachCtx = { name, image: o.image, args: args.slice(1), command: o.command, namespace: ctx.namespaceFlag };
  if (o.stdin || o.rm) {
    const flags = [o.stdin && (o.tty ? '-it' : '-i'), o.rm && '--rm'].filter((f): f is string => !!f);
    throw cannotAttachError(attachCtx, flags);
  }

  // Client dry-run prints the objects with the -n namespace; objects sent to the server get theirs there.
  const namespace = dry === 'client' ? ctx.namespaceFlag : undefined;
  const pod = generatePod({
    name,
    namespace,
    image: o.image,
    port: o.port,
    labels: o.labels,
    env: o.env ?? [],
    annotations: o.annotations ?? [],
    restartPolicy: policy,
    args: args.slice(1),
    command: o.command,
    imagePullPolicy: o.imagePullPolicy,
    privileged: o.privileged,
    stdin: o.stdin,
    tty: o.tty,
    leaveStdinOpen: o.leaveStdinOpen,
  });
  const service = o.expose
    ? generateExposeService({ defaultName: name, name, namespace, selector: o.labels || `run=${name}`, port: o.port, labels: o.labels })
    : undefined;

  if (dry === 'client') {
    ctx.out(await printRun(format, pod, service, dry, true));
    return;
  }
  if (o.saveConfig) {
    saveConfigTyped(pod);
    if (service) saveConfigTyped(service);
  }
  const { created, serviceError } = await ctx.update((cluster, ns) => {
    const created: { pod: KObject; service?: KObject } = { pod: createInCluster(cluster, pod, ns, dry) };
    let serviceError: unknown;
    if (service) {
      try {
        created.service = createInCluster(cluster, service, ns, dry);
      } catch (e) {
        serviceError = e;
      }
    }
    return { created, serviceError };
  });
  ctx.out(await printRun(format, created.pod, created.service, dry, false));
  if (serviceError) throw serviceError;
  if (attach) ctx.err(notAttachedWarning(attachCtx));
}

/** The service (with --expose) is printed first, then the pod; with -o yaml kubectl adds a second `---`. */
async function printRun(format: ReturnType<typeof parseObjectOutput>, pod: KObject, service: KObject | undefined, dry: DryRun, typed: boolean): Promise<string> {
  if (!format) return (service ? opMessage(nameRef(service), 'created', dry) : '') + opMessage(nameRef(pod), 'created', dry);
  if (!service) return printObjects(format, [pod], typed);
  // run's own separator, then the YAML printer's own before its second document.
  const between = format.kind === 'yaml' ? '---\n---\n' : '';
  return (await printObjects(format, [service], typed)) + between + (await printObjects(format, [pod], typed));
}
