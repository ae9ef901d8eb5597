#!/usr/bin/env node
// Prints a command of the README's quick start, as written there: `start` (the line commented
// "run the service") or `test` (the line commented "run the tests"). CI runs what this prints, so
// the README and CI cannot drift apart.
'use strict';
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const MARKERS = { start: '# run the service', test: '# run the tests' };

function quickStartCommands(readme) {
  const section = /^## Quick start\n([\s\S]*?)(?=^## )/m.exec(readme);
  if (!section) throw new Error('README.md has no "## Quick start" section');
  const block = /```sh\n([\s\S]*?)```/.exec(section[1]);
  if (!block) throw new Error('the README\'s Quick start has no ```sh block');
  const commands = {};
  for (const line of block[1].split('\n')) {
    for (const [name, marker] of Object.entries(MARKERS)) {
      const at = line.indexOf(marker);
      if (at > 0) commands[name] = line.slice(0, at).trim();
    }
  }
  for (const [name, marker] of Object.entries(MARKERS)) {
    if (!commands[name]) throw new Error(`the README's Quick start block has no line commented "${marker}"`);
  }
  return commands;
}

module.exports = { quickStartCommands };

if (require.main === module) {
  const which = process.argv[2];
  if (!(which in MARKERS)) {
    console.error('usage: readme-commands.js start|test');
    process.exit(2);
  }
  try {
    console.log(quickStartCommands(readFileSync(join(__dirname, '..', 'README.md'), 'utf8'))[which]);
  } catch (error) {
    console.error(`readme-commands: ${error.message}`);
    process.exit(1);
  }
}
