#!/usr/bin/env node
// Writes the OpenAPI document of the built app (dist/, after `npm run build`) to the file given, or to
// stdout: the module graph is built in Nest's preview mode, so nothing connects to PostgreSQL or Redis
// and no server listens. CI lints the result with Redocly's recommended rules.
'use strict';
require('reflect-metadata');
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

const DIST = join(__dirname, '..', 'dist', 'src');

async function main() {
  const { NestFactory } = require('@nestjs/core');
  const { AppModule } = require(join(DIST, 'app.module'));
  const { buildOpenApiDocument } = require(join(DIST, 'bootstrap', 'openapi'));
  const app = await NestFactory.create(AppModule.forRole('api'), { preview: true, logger: false, abortOnError: false });
  const json = `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`;
  const target = process.argv[2];
  if (target) writeFileSync(target, json);
  else process.stdout.write(json);
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`openapi-document: ${error.stack ?? error}\n`);
    process.exit(1);
  },
);
