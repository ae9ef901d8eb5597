import type { Environment } from '../config/environment';
import { DEMO_DOMAIN, type DemoAccountsNote } from '../users/user-seeder';
import { PAGE_PATHS } from '../web/page-links';
import { OPENAPI_PATH } from './openapi';

/**
 * The lines a person reads once the service is up: where everything is and how to sign in.
 * The generated demo password appears only on the start that created the accounts.
 */
export function startupBanner(env: Environment, demoAccounts: DemoAccountsNote | null): string {
  const base = env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
  const lines = [
    `baocao ${env.ROLE === 'all' ? 'api + worker' : 'api'} listening on ${env.HOST}:${env.PORT} (Node ${process.version}, ${env.NODE_ENV})`,
    `  Workspace  ${base}/`,
    `  API        ${base}/api/v1`,
    `  OpenAPI    ${base}/${OPENAPI_PATH}`,
    `  Dashboard  ${base}${PAGE_PATHS.compliance}`,
    `  Health     ${base}/health/ready`,
  ];
  if (demoAccounts) lines.push(...demoAccountLines(demoAccounts));
  lines.push('  Stop with Ctrl-C (SIGTERM): running work drains, then the process exits 0.');
  return lines.join('\n');
}

function demoAccountLines(note: DemoAccountsNote): string[] {
  const accounts = `admin@, reviewer@, compliance@, officer.<unit code>@${DEMO_DOMAIN} (e.g. officer.01@${DEMO_DOMAIN})`;
  if (note.generatedPassword) {
    return [`  Demo accounts ${accounts}`, `  Demo password: "${note.generatedPassword}" (shown once; set DEMO_PASSWORD to choose it)`];
  }
  return [`  Demo accounts ${accounts}; password: the DEMO_PASSWORD value, or the one printed when they were created`];
}
