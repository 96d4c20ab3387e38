// A container's simulated filesystem (SimFs): the image's files and the kubelet's files as a
// read-only base, a small writable layer kept in the state file, and the pod's volume mounts
// (emptyDir/hostPath/PVC stores in the state file; configMap/secret/projected files built from
// the API objects). Nothing here reads or writes a host file: a path is a key in these maps.
//
// Caps (issue 3, bounded growth): a writable store holds at most FS_LIMITS.files files of at
// most FS_LIMITS.fileBytes each; writing more fails with ENOSPC ("No space left on device").
import type { SimFs } from './types.js';

export const FS_LIMITS = { files: 64, fileBytes: 64 * 1024, dirs: 64 };

export interface FileEntry {
  /** Content. */
  c: string;
  /** Modification time, seconds since the epoch. */
  t: number;
  /** Executable bit set (chmod +x). */
  x?: 1;
}

/** A writable store: the container layer, or one volume. */
export interface Store {
  f: Record<string, FileEntry>;
  /** Directories created. */
  d?: string[];
  /** Whiteouts: base paths deleted in this layer (layer only). */
  w?: string[];
}

export interface MountSpec {
  path: string;
  readOnly: boolean;
  /** Writable volume store (paths relative to the volume root, with a leading `/`). */
  store?: Store;
  /** Static files (configMap/secret/projected/downwardAPI), relative paths without a leading `/`. */
  files?: Record<string, string>;
}

export interface FsSpec {
  /** Image and kubelet files: absolute path → content. */
  base: Record<string, string>;
  /** Directories that exist in the image. */
  baseDirs: string[];
  /** Base files that are executables (tools in /bin). */
  baseExec?: Set<string>;
  layer: Store;
  mounts: MountSpec[];
  /** Seconds since the epoch (mtimes of writes). */
  now: () => number;
  /** mtime of image files. */
  imageTime: number;
}

export class FsError extends Error {
  constructor(
    public code: 'ENOENT' | 'EISDIR' | 'ENOTDIR' | 'EROFS' | 'ENOSPC' | 'EEXIST' | 'ENOTEMPTY',
    public path: string,
  ) {
    super(`${code}: ${path}`);
  }
}

export interface Stat {
  dir: boolean;
  size: number;
  mtime: number;
  exec: boolean;
  readOnly: boolean;
}

/** Normalise `p` (absolute or relative to `cwd`): no `.`, `..`, empty or trailing segments. */
export function resolvePath(cwd: string, p: string): string {
  const parts = (p.startsWith('/') ? p : `${cwd}/${p}`).split('/');
  const out: string[] = [];
  for (const s of parts) {
    if (s === '' || s === '.') continue;
    if (s === '..') out.pop();
    else out.push(s);
  }
  return `/${out.join('/')}`;
}

export function dirname(p: string): string {
  const i = p.lastIndexOf('/');
  return i <= 0 ? '/' : p.slice(0, i);
}

export function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

function under(path: string, dir: string): string | undefined {
  if (dir === '/') return path;
  if (path === dir) return '/';
  if (path.startsWith(`${dir}/`)) return path.slice(dir.length);
  return undefined;
}

export class ContainerFs implements SimFs {
  private baseDirSet: Set<string>;
  constructor(private spec: FsSpec) {
    this.baseDirSet = new Set(['/']);
    for (const d of spec.baseDirs) this.addAncestors(this.baseDirSet, d, true);
    for (const f of Object.keys(spec.base)) this.addAncestors(this.baseDirSet, dirname(f), true);
  }

  private addAncestors(set: Set<string>, dir: string, self: boolean): void {
    let d = self ? dir : dirname(dir);
    for (;;) {
      set.add(d);
      if (d === '/') return;
      d = dirname(d);
    }
  }

  /** The mount a path is in (longest mount point), with the path inside it. */
  private mountOf(path: string): { m: MountSpec; rel: string } | undefined {
    let best: { m: MountSpec; rel: string } | undefined;
    for (const m of this.spec.mounts) {
      const rel = under(path, m.path);
      if (rel !== undefined && (!best || m.path.length > best.m.path.length)) best = { m, rel };
    }
    return best;
  }

  private whitedOut(path: string): boolean {
    const w = this.spec.layer.w;
    if (!w?.length) return false;
    for (const x of w) if (path === x || path.startsWith(`${x}/`)) return true;
    return false;
  }

  private layerDir(path: string): boolean {
    const l = this.spec.layer;
    if (l.d?.includes(path)) return true;
    const prefix = path === '/' ? '/' : `${path}/`;
    return Object.keys(l.f).some((f) => f.startsWith(prefix));
  }

  private storeDir(store: Store, rel: string): boolean {
    if (rel === '/') return true;
    if (store.d?.includes(rel)) return true;
    const prefix = `${rel}/`;
    return Object.keys(store.f).some((f) => f.startsWith(prefix)) || (store.d ?? []).some((d) => d.startsWith(prefix));
  }

  private staticDir(files: Record<string, string>, rel: string): boolean {
    if (rel === '/') return true;
    const prefix = `${rel.slice(1)}/`;
    return Object.keys(files).some((f) => f.startsWith(prefix));
  }

  /** A mount point (or an ancestor of one) is always a directory. */
  private mountAncestor(path: string): boolean {
    return this.spec.mounts.some((m) => m.path === path || under(m.path, path) !== undefined);
  }

  read(path: string): string | undefined {
    const mo = this.mountOf(path);
    if (mo) {
      if (mo.m.store) return mo.m.store.f[mo.rel]?.c;
      return mo.m.files?.[mo.rel.slice(1)];
    }
    const l = this.spec.layer.f[path];
    if (l) return l.c;
    if (this.whitedOut(path)) return undefined;
    return this.spec.base[path];
  }

  stat(path: string): Stat | undefined {
    const mo = this.mountOf(path);
    if (mo) {
      const ro = mo.m.readOnly || !mo.m.store;
      if (mo.m.store) {
        const e = mo.m.store.f[mo.rel];
        if (e) return { dir: false, size: e.c.length, mtime: e.t, exec: !!e.x, readOnly: ro };
        if (this.storeDir(mo.m.store, mo.rel) || this.mountAncestor(path)) return { dir: true, size: 4096, mtime: this.spec.imageTime, exec: true, readOnly: ro };
        return undefined;
      }
      const c = mo.m.files?.[mo.rel.slice(1)];
      if (c !== undefined) return { dir: false, size: c.length, mtime: this.spec.imageTime, exec: false, readOnly: true };
      if (this.staticDir(mo.m.files ?? {}, mo.rel)) return { dir: true, size: 4096, mtime: this.spec.imageTime, exec: true, readOnly: true };
      return undefined;
    }
    const l = this.spec.layer.f[path];
    if (l) return { dir: false, size: l.c.length, mtime: l.t, exec: !!l.x, readOnly: false };
    if (this.layerDir(path) || this.mountAncestor(path)) return { dir: true, size: 4096, mtime: this.spec.imageTime, exec: true, readOnly: false };
    if (this.whitedOut(path)) return undefined;
    const b = this.spec.base[path];
    if (b !== undefined) return { dir: false, size: b.length, mtime: this.spec.imageTime, exec: !!this.spec.baseExec?.has(path), readOnly: false };
    if (this.baseDirSet.has(path)) return { dir: true, size: 4096, mtime: this.spec.imageTime, exec: true, readOnly: false };
    return undefined;
  }

  exists(path: string): boolean {
    return this.stat(path) !== undefined;
  }

  isDir(path: string): boolean {
    return this.stat(path)?.dir === true;
  }

  list(dir: string): string[] | undefined {
    const st = this.stat(dir);
    if (!st?.dir) return undefined;
    const names = new Set<string>();
    const childOf = (p: string, d: string) => {
      const rel = under(p, d);
      if (rel === undefined || rel === '/') return undefined;
      return rel.slice(1).split('/')[0];
    };
    const mo = this.mountOf(dir);
    if (mo) {
      if (mo.m.store) {
        for (const f of Object.keys(mo.m.store.f)) {
          const c = childOf(f, mo.rel);
          if (c) names.add(c);
        }
        for (const d of mo.m.store.d ?? []) {
          const c = childOf(d, mo.rel);
          if (c) names.add(c);
        }
      } else {
        for (const f of Object.keys(mo.m.files ?? {})) {
          const c = childOf(`/${f}`, mo.rel);
          if (c) names.add(c);
        }
      }
    } else {
      for (const f of Object.keys(this.spec.base)) {
        const c = childOf(f, dir);
        if (c && !this.whitedOut(`${dir === '/' ? '' : dir}/${c}`)) names.add(c);
      }
      for (const d of this.baseDirSet) {
        const c = childOf(d, dir);
        if (c && !this.whitedOut(`${dir === '/' ? '' : dir}/${c}`)) names.add(c);
      }
      for (const f of Object.keys(this.spec.layer.f)) {
        const c = childOf(f, dir);
        if (c) names.add(c);
      }
      for (const d of this.spec.layer.d ?? []) {
        const c = childOf(d, dir);
        if (c) names.add(c);
      }
    }
    for (const m of this.spec.mounts) {
      const c = childOf(m.path, dir);
      if (c) names.add(c);
    }
    return [...names].sort();
  }

  private writableStore(path: string): { store: Store; key: string; layer: boolean } {
    const mo = this.mountOf(path);
    if (mo) {
      if (!mo.m.store || mo.m.readOnly) throw new FsError('EROFS', path);
      return { store: mo.m.store, key: mo.rel, layer: false };
    }
    return { store: this.spec.layer, key: path, layer: true };
  }

  write(path: string, data: string, append = false): void {
    const st = this.stat(path);
    if (st?.dir) throw new FsError('EISDIR', path);
    const parent = this.stat(dirname(path));
    if (!parent) throw new FsError('ENOENT', path);
    if (!parent.dir) throw new FsError('ENOTDIR', path);
    const { store, key, layer } = this.writableStore(path);
    const old = store.f[key]?.c ?? (append && layer ? this.read(path) : undefined) ?? '';
    const content = append ? old + data : data;
    if (content.length > FS_LIMITS.fileBytes) throw new FsError('ENOSPC', path);
    if (!store.f[key] && Object.keys(store.f).length >= FS_LIMITS.files) throw new FsError('ENOSPC', path);
    const x = store.f[key]?.x ?? (layer && this.spec.baseExec?.has(path) ? 1 : undefined);
    store.f[key] = { c: content, t: this.spec.now(), ...(x ? { x } : {}) };
  }

  /** Update a file's mtime (touch on an existing file). */
  touch(path: string): void {
    const content = this.read(path);
    if (content === undefined) {
      this.write(path, '');
      return;
    }
    const { store, key } = this.writableStore(path);
    const e = store.f[key];
    if (e) e.t = this.spec.now();
    else this.write(path, content);
  }

  setExec(path: string, on: boolean): void {
    const content = this.read(path);
    if (content === undefined) throw new FsError('ENOENT', path);
    const { store, key } = this.writableStore(path);
    if (!store.f[key]) this.write(path, content);
    const e = store.f[key];
    if (on) e.x = 1;
    else delete e.x;
  }

  mkdir(path: string, parents = false): void {
    if (this.exists(path)) {
      if (parents && this.isDir(path)) return;
      throw new FsError('EEXIST', path);
    }
    const parent = dirname(path);
    if (!this.isDir(parent)) {
      if (!parents) throw new FsError(this.exists(parent) ? 'ENOTDIR' : 'ENOENT', path);
      this.mkdir(parent, true);
    }
    const { store, key } = this.writableStore(path);
    store.d ??= [];
    if (store.d.length >= FS_LIMITS.dirs) throw new FsError('ENOSPC', path);
    store.d.push(key);
    if (store.w) store.w = store.w.filter((w) => w !== key);
  }

  remove(path: string, recursive = false): boolean {
    const st = this.stat(path);
    if (!st) return false;
    if (this.spec.mounts.some((m) => m.path === path)) throw new FsError('EROFS', path);
    if (st.dir) {
      const children = this.list(path) ?? [];
      if (children.length && !recursive) throw new FsError('ENOTEMPTY', path);
      for (const c of children) this.remove(`${path === '/' ? '' : path}/${c}`, true);
    }
    const { store, key, layer } = this.writableStore(path);
    delete store.f[key];
    if (store.d) store.d = store.d.filter((d) => d !== key);
    if (layer && (this.spec.base[path] !== undefined || this.baseDirSet.has(path))) {
      store.w ??= [];
      if (!store.w.includes(path)) store.w.push(path);
    }
    return true;
  }
}
