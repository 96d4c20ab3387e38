// What kubectl does to a manifest before sending it (shared by apply, create -f, delete -f):
// resolve its type (converting the books' old apiVersions, with the server's warning), check
// the namespace against -n, and the strict-decoding check the server does with --validate=strict.
import type { KObject } from '../../api/types.js';
import type { Manifest } from '../manifests.js';
import { apiVersionOf, resolveKind, type ResourceType } from '../../api/registry.js';
import { convertToStored } from '../../api/convert.js';
import { CliError, StatusError } from '../../util/errors.js';
import { strictDecode, formatStrictDecodeError } from '../../api/schema/decode.js';

export interface Prepared {
  source: string;
  type: ResourceType;
  obj: KObject;
  warning?: string;
}

export function mappingError(m: Manifest): CliError {
  const ns = m.obj.metadata?.namespace ?? '';
  return new CliError(
    `resource mapping not found for name: "${m.obj.metadata?.name ?? ''}" namespace: "${ns}" from "${m.source}": no matches for kind "${m.obj.kind}" in version "${m.obj.apiVersion}"\nensure CRDs are installed first`,
  );
}

/** Resolve and check one manifest; `namespace` is the effective namespace, `explicitNs` the -n flag. */
export function prepareManifest(m: Manifest, namespace: string, explicitNs: string | undefined, opts: { validate?: string | boolean } = {}): Prepared {
  const r = resolveKind(m.obj.apiVersion, m.obj.kind);
  if (!r) throw mappingError(m);
  const { obj, warning } = convertToStored(structuredClone(m.obj));
  if (r.type.namespaced) {
    const own = obj.metadata.namespace;
    if (own && explicitNs && own !== explicitNs) {
      throw new CliError(`the namespace from the provided object "${own}" does not match the namespace "${explicitNs}". You must pass '--namespace=${own}' to perform this operation.`);
    }
    obj.metadata.namespace = own || namespace;
  } else {
    delete obj.metadata.namespace;
  }
  if (!obj.metadata.name && !obj.metadata.generateName) {
    const t = r.type;
    const gvr = `${t.group}/${t.version}, Resource=${t.plural}`;
    const gvk = `${apiVersionOf(t).includes('/') ? apiVersionOf(t) : '/' + apiVersionOf(t)}, Kind=${t.kind}`;
    throw new CliError(
      `error when retrieving current configuration of:\nResource: "${gvr}", GroupVersionKind: "${gvk}"\nName: "", Namespace: "${obj.metadata.namespace ?? ''}"\nfrom server for: "${m.source}": resource name may not be empty`,
    );
  }
  const mode = opts.validate === undefined || opts.validate === true || opts.validate === 'true' ? 'strict' : String(opts.validate);
  if (mode === 'strict' || mode === 'warn') {
    const { errors } = strictDecode(obj);
    if (errors.length && mode === 'strict') {
      throw new StatusError('BadRequest', `error when creating "${m.source}": ${formatStrictDecodeError(r.type.kind, r.type.version, errors)}`);
    }
  }
  return { source: m.source, type: r.type, obj, warning };
}

/** kubectl's AddSourceToErr: API errors say which file the object came from. */
export function withSource(err: unknown, verb: string, source: string): unknown {
  if (err instanceof StatusError && err.reason !== 'Invalid' && !err.message.startsWith('error when ')) {
    return new StatusError(err.reason, `error when ${verb} "${source}": ${err.message}`, err.code);
  }
  return err;
}
