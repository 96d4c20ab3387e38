// imagePullPolicy defaulting (SetDefaults_Container): Always when the image's tag is `latest`
// (an image without tag and digest means `latest`), else IfNotPresent. The tag comes from
// parsers.ParseImageName (docker reference grammar); a reference that does not parse gives no
// tag, hence IfNotPresent.

const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN_RE = new RegExp(`^${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*(?::[0-9]+)?$`);
const PATH_COMPONENT_RE = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG_RE = /^[\w][\w.-]{0,127}$/;
const DIGEST_RE = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[0-9a-fA-F]{32,}$/;

/** The tag of an image reference ('latest' when none and no digest), or undefined if it does not parse. */
export function imageTag(image: string): string | undefined {
  let name = image;
  let digest = '';
  const at = name.indexOf('@');
  if (at >= 0) {
    digest = name.slice(at + 1);
    name = name.slice(0, at);
    if (!DIGEST_RE.test(digest)) return undefined;
  }
  let tag = '';
  const colon = name.lastIndexOf(':');
  if (colon > name.lastIndexOf('/')) {
    tag = name.slice(colon + 1);
    name = name.slice(0, colon);
    if (!TAG_RE.test(tag)) return undefined;
  }
  const parts = name.split('/');
  if (parts.length > 1 && (/[.:]/.test(parts[0]) || parts[0] === 'localhost' || /[A-Z]/.test(parts[0]))) {
    if (!DOMAIN_RE.test(parts.shift() as string)) return undefined;
  }
  if (!parts.every((p) => PATH_COMPONENT_RE.test(p))) return undefined;
  if (name.length > 255) return undefined;
  return tag || (digest ? '' : 'latest');
}

export function defaultPullPolicy(image: unknown): 'Always' | 'IfNotPresent' {
  return typeof image === 'string' && imageTag(image) === 'latest' ? 'Always' : 'IfNotPresent';
}
