import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const packageJson = JSON.parse(read('package.json')) as { scripts: Record<string, string>; engines: { node: string }; optionalDependencies: Record<string, string> };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { quickStartCommands } = require('../../scripts/readme-commands') as { quickStartCommands: (readme: string) => { start: string; test: string } };

/** `node <target>` as Node resolves it (`dist/main` tries dist/main, dist/main.js, dist/main/index.js). */
function resolvesToBuiltFile(target: string): boolean {
  try {
    require.resolve(resolve(ROOT, target));
    return true;
  } catch {
    return false;
  }
}

/** Every `node <file>` and `npm run <script>` in a piece of shell text. */
/** `node [--flag[=value]…] <file>` in a command line: the flags and the file. */
const NODE_RUN = /(?:^|[\s"'])node((?:\s+--[\w-]+(?:=[^\s"']+)?)*)\s+((?:dist|scripts|bench)\/[\w./-]+)/g;

/** The node flags of each command that runs the app's built entry point. */
function appNodeFlags(text: string): string[] {
  return [...text.matchAll(NODE_RUN)].filter((match) => match[2] === 'dist/src/main.js').map((match) => match[1].trim());
}

function commandsIn(text: string): { nodeTargets: string[]; npmScripts: string[] } {
  const nodeTargets = [...text.matchAll(NODE_RUN)].map((match) => match[2]);
  const npmScripts = [...text.matchAll(/npm (?:run )?(start|test|[\w:-]+(?=\s|"|$))/g)]
    .map((match) => match[1])
    .filter((name) => !['install', 'ci', 'exec'].includes(name));
  return { nodeTargets, npmScripts };
}

function composeCommands(): Record<string, string> {
  const compose = read('docker-compose.yml');
  const commands: Record<string, string> = {};
  let service = '';
  for (const line of compose.split('\n')) {
    const header = /^ {2}(\w[\w-]*):\s*$/.exec(line);
    if (header) service = header[1];
    const command = /^ {4}command:\s*(\[.*\])\s*$/.exec(line);
    if (command && service) commands[service] = (JSON.parse(command[1]) as string[]).join(' ');
  }
  return commands;
}

function deploymentBlock(): string {
  const section = /^## Deployment[^\n]*\n([\s\S]*?)(?=^## )/m.exec(read('README.md'));
  if (!section) throw new Error('README.md has no Deployment section');
  return [...section[1].matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1]).join('\n');
}

describe('Documented commands name what the build produces', () => {
  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist', 'src', 'main.js'))) throw new Error('dist/ is missing: `npm test` builds it first (pretest)');
  });

  it('the README quick start names npm scripts that exist', () => {
    const { start, test } = quickStartCommands(read('README.md'));
    expect(start).toBe('npm install && npm start');
    expect(test).toBe('npm test');
    for (const script of ['start', 'test']) expect(packageJson.scripts[script]).toBeDefined();
  });

  it.each(['start', 'start:prod', 'bench'])('npm run %s runs files that exist after the build', (script) => {
    const { nodeTargets } = commandsIn(packageJson.scripts[script]);
    expect(nodeTargets.length).toBeGreaterThan(0);
    for (const target of nodeTargets) expect({ target, exists: resolvesToBuiltFile(target) }).toEqual({ target, exists: true });
  });

  it('the compose file runs the api and the worker from files the build produces', () => {
    const commands = composeCommands();
    expect(Object.keys(commands)).toEqual(expect.arrayContaining(['api', 'worker']));
    for (const service of ['api', 'worker']) {
      const { nodeTargets, npmScripts } = commandsIn(commands[service]);
      expect({ service, nodeTargets: nodeTargets.length }).toEqual({ service, nodeTargets: 1 });
      for (const target of nodeTargets) expect({ service, target, exists: resolvesToBuiltFile(target) }).toEqual({ service, target, exists: true });
      for (const script of npmScripts) expect({ service, script, defined: script in packageJson.scripts }).toEqual({ service, script, defined: true });
    }
  });

  it('runs the app with the same node flags everywhere: npm start, start:prod, the compose services and the Deployment commands', () => {
    const flags = appNodeFlags(packageJson.scripts['start:prod']);
    expect(flags).toEqual(['--max-semi-space-size=2']);
    const commands = composeCommands();
    const everywhere = [packageJson.scripts.start, commands.api, commands.worker, ...deploymentBlock().split('\n')].flatMap(appNodeFlags);
    expect(everywhere.length).toBeGreaterThanOrEqual(5);
    expect(new Set(everywhere)).toEqual(new Set(flags));
  });

  it("the README's Deployment commands run a file the build produces", () => {
    const { nodeTargets } = commandsIn(deploymentBlock());
    expect(nodeTargets.length).toBeGreaterThanOrEqual(2);
    for (const target of nodeTargets) expect({ target, exists: resolvesToBuiltFile(target) }).toEqual({ target, exists: true });
  });

  it('a path that the build does not produce is caught (the check can fail)', () => {
    expect(resolvesToBuiltFile('dist/main')).toBe(false);
    expect(commandsIn('nest build && node dist/main').nodeTargets).toEqual(['dist/main']);
  });
});

describe('One declared runtime: Node.js 24 LTS', () => {
  const major = (packageJson.engines.node.match(/\d+/) ?? [''])[0];

  it('is the runtime these tests run on', () => {
    expect(major).toBe('24');
    expect(process.versions.node.split('.')[0]).toBe(major);
  });

  it('is what .nvmrc, the compose image, the pinned binaries and the README say', () => {
    expect(read('.nvmrc').trim()).toBe(major);
    expect(read('docker-compose.yml')).toMatch(new RegExp(`image: node:${major}-`));
    expect(read('docker-compose.yml')).not.toMatch(/image: node:(?!24-)\d+/);
    for (const [name, version] of Object.entries(packageJson.optionalDependencies).filter(([name]) => /^node-(linux|darwin|win)/.test(name))) {
      expect({ name, major: version.split('.')[0] }).toEqual({ name, major });
    }
    const quickStart = /^## Quick start\n([\s\S]*?)(?=^## )/m.exec(read('README.md'))?.[1] ?? '';
    expect(quickStart).toContain(`Node.js ${major}`);
  });
});
