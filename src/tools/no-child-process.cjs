// Bundled in place of node:child_process: kubesim never runs a host program (the simulation
// interprets everything), and commander only needs the module for executable subcommands, which
// kubesim does not have. Anything that tries to spawn fails loudly instead.
'use strict';
const refuse = (name) => () => {
  throw new Error(`kubesim does not run host programs (child_process.${name} is disabled)`);
};
module.exports = new Proxy({}, { get: (_t, name) => (typeof name === 'string' ? refuse(name) : undefined) });
