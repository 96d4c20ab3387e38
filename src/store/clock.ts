// The clock every command reads. KUBESIM_NOW (ISO time or epoch milliseconds) pins it, for tests
// that need exact ages; otherwise it is the real clock.
export function now(): number {
  const pinned = process.env.KUBESIM_NOW;
  if (pinned) {
    const n = /^\d+$/.test(pinned) ? Number(pinned) : Date.parse(pinned);
    if (!Number.isNaN(n)) return n;
  }
  return Date.now();
}

/** RFC 3339 with seconds precision, as metav1.Time serialises. */
export function rfc3339(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
