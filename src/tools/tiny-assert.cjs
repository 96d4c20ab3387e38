// Bundled in place of node:assert for signal-exit (pulled in by proper-lockfile and
// write-file-atomic), which only calls assert.equal on its own arguments. Loading node:assert
// itself costs a one-shot command milliseconds (it builds its error-message colouring on load).
'use strict';
function assert(value, message) {
  if (!value) throw new Error(message || 'assertion failed');
}
assert.ok = assert;
assert.equal = (actual, expected, message) => assert(actual == expected, message || `${actual} == ${expected}`);
assert.strictEqual = (actual, expected, message) => assert(actual === expected, message || `${actual} === ${expected}`);
module.exports = assert;
