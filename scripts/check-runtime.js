#!/usr/bin/env node
// Fails unless this Node.js is the runtime package.json declares (engines.node, a caret range such as
// ^24.15.0). npm scripts find the pinned binary from optionalDependencies first (node_modules/.bin/node).
'use strict';
const { engines } = require('../package.json');

const declared = engines.node;
const match = /^\^(\d+)\.(\d+)\.(\d+)$/.exec(declared);
if (!match) {
  console.error(`check-runtime: engines.node must be a caret range such as ^24.15.0 (got "${declared}")`);
  process.exit(2);
}
const [major, minor, patch] = match.slice(1).map(Number);
const [haveMajor, haveMinor, havePatch] = process.versions.node.split('.').map(Number);
const ok =
  haveMajor === major && (haveMinor > minor || (haveMinor === minor && havePatch >= patch));

if (!ok) {
  console.error(
    `baocao needs Node.js ${declared} (package.json engines, .nvmrc); this is ${process.version} at ${process.execPath}.\n` +
      'On Linux, `npm install` brings the pinned Node.js 24 into node_modules/.bin, which npm scripts use first; ' +
      'elsewhere run `nvm use` (it reads .nvmrc) or install Node.js 24 LTS.',
  );
  process.exit(1);
}
if (process.argv.includes('--print')) console.log(`Node.js ${process.version} (${process.execPath}) satisfies engines.node ${declared}`);
