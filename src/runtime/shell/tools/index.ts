// The tool table of the simulated containers: every command kubesim can run, and which of them a
// given container has — its shell flavour's standard set (busybox applets on Alpine/busybox,
// coreutils + grep/sed/mawk on Debian/Ubuntu), plus the image's extra `tools`, plus what was
// installed with apk/apt-get. The network tools (curl, wget, ping, nslookup, dig, …) come from
// src/network/tools and are merged here.
import type { ContainerHandle, Tool } from '../../types.js';
import { networkTools } from '../../../network/tools/index.js';
import { awk } from './awk.js';
import { grep } from './grep.js';
import { sed } from './sed.js';
import { jq } from './jq.js';
import { apk, aptGet, installedTools } from './pkg.js';
import * as text from './text.js';
import * as files from './files.js';
import * as sys from './sys.js';

/** Every tool by command name (builtins such as echo, kill, test live in ../builtins.ts). */
export const TOOLS: Record<string, Tool> = {
  cat: text.cat,
  head: text.head,
  tail: text.tail,
  wc: text.wc,
  sort: text.sort,
  uniq: text.uniq,
  cut: text.cut,
  tr: text.tr,
  tee: text.tee,
  seq: text.seq,
  yes: text.yes,
  printenv: text.printenv,
  rev: text.rev,
  nl: text.nl,
  grep,
  egrep: grep,
  fgrep: grep,
  sed,
  awk,
  mawk: awk,
  gawk: awk,
  jq,
  ls: files.ls,
  touch: files.touch,
  rm: files.rm,
  mkdir: files.mkdir,
  rmdir: files.rmdir,
  cp: files.cp,
  mv: files.mv,
  ln: files.ln,
  chmod: files.chmod,
  chown: files.chown,
  stat: files.statTool,
  find: files.find,
  basename: files.basename,
  dirname: files.dirname,
  realpath: files.realpath,
  du: files.du,
  hostname: sys.hostname,
  date: sys.date,
  id: sys.id,
  whoami: sys.whoami,
  uname: sys.uname,
  ps: sys.ps,
  uptime: sys.uptime,
  free: sys.free,
  df: sys.df,
  sleep: sys.sleep,
  true: sys.trueTool,
  false: sys.falseTool,
  clear: sys.clear,
  nproc: sys.nproc,
  mount: sys.mount,
  ip: sys.ip,
  ifconfig: sys.ifconfig,
  apk,
  'apt-get': aptGet,
  apt: aptGet,
  ...networkTools,
};

/** Commands the shells implement themselves but that also exist as programs (`exec pod -- echo`). */
const BUILTIN_PROGRAMS = ['echo', 'printf', 'test', '[', 'kill', 'pwd', 'env', 'xargs', 'which', 'timeout', 'nohup', 'nice'];

const BUSYBOX_BIN = ['ash', 'sh', 'cat', 'chmod', 'chown', 'cp', 'date', 'df', 'echo', 'egrep', 'false', 'fgrep', 'grep', 'hostname', 'kill', 'ln', 'ls', 'mkdir', 'mount', 'mv', 'ping', 'ps', 'pwd', 'rm', 'rmdir', 'sed', 'sleep', 'stat', 'touch', 'true', 'uname'];
const BUSYBOX_USR_BIN = ['awk', 'basename', 'clear', 'cut', 'dirname', 'du', 'env', 'find', 'free', 'head', 'id', 'nc', 'nl', 'nohup', 'nproc', 'nslookup', 'printenv', 'printf', 'realpath', 'rev', 'seq', 'sort', 'tail', 'tee', 'test', '[', 'timeout', 'tr', 'uniq', 'uptime', 'wc', 'wget', 'which', 'whoami', 'xargs', 'yes', 'nice'];
const BUSYBOX_SBIN = ['ifconfig', 'ip'];
const DEBIAN_USR_BIN = [
  'bash', 'sh', 'dash', 'cat', 'chmod', 'chown', 'cp', 'date', 'df', 'echo', 'egrep', 'false', 'fgrep', 'grep', 'hostname', 'kill', 'ln', 'ls', 'mkdir', 'mount', 'mv', 'pwd', 'rm', 'rmdir', 'sed', 'sleep', 'stat', 'touch', 'true', 'uname',
  'awk', 'mawk', 'basename', 'clear', 'cut', 'dirname', 'du', 'env', 'find', 'head', 'id', 'nl', 'nohup', 'nproc', 'printenv', 'printf', 'realpath', 'rev', 'seq', 'sort', 'tail', 'tee', 'test', '[', 'timeout', 'tr', 'uniq', 'wc', 'which', 'whoami', 'xargs', 'yes', 'nice', 'getent', 'apt-get', 'apt',
];

/** The commands a container has, each with where it lives (`which`). */
export function availableTools(h: ContainerHandle, installed?: string[]): Map<string, string> {
  const out = new Map<string, string>();
  const flavour = h.image.shell;
  if (flavour === 'none') return out;
  if (flavour === 'bash-debian') {
    for (const t of DEBIAN_USR_BIN) out.set(t, `/usr/bin/${t}`);
    out.set('sh', '/usr/bin/sh');
  } else {
    for (const t of BUSYBOX_BIN) out.set(t, `/bin/${t}`);
    for (const t of BUSYBOX_USR_BIN) out.set(t, `/usr/bin/${t}`);
    for (const t of BUSYBOX_SBIN) out.set(t, `/sbin/${t}`);
    if (h.image.os === 'alpine') {
      out.set('apk', '/sbin/apk');
      out.set('getent', '/usr/bin/getent');
    }
  }
  for (const t of [...(h.image.tools ?? []), ...(installed ?? safeInstalled(h))]) if (!out.has(t)) out.set(t, t === 'bash' && flavour !== 'bash-debian' ? '/bin/bash' : `/usr/bin/${t}`);
  return out;
}

function safeInstalled(h: ContainerHandle): string[] {
  try {
    return installedTools({ self: h });
  } catch {
    return [];
  }
}

/** The tool implementing a command (builtins excluded). */
export function toolFor(name: string): Tool | undefined {
  return Object.prototype.hasOwnProperty.call(TOOLS, name) ? TOOLS[name] : undefined;
}

export function isBuiltinProgram(name: string): boolean {
  return BUILTIN_PROGRAMS.includes(name);
}
