import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface DashboardAsset {
  content: Buffer;
  mediaType: string;
}

const MEDIA_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** The files the page may load, by name: nothing else under the folder is served. */
export const DASHBOARD_FILES = ['index.html', 'app.css', 'app.js', 'api.js', 'charts.js', 'format.js', 'render.js'] as const;

/** The page's files, beside this module (copied to dist/ as Nest CLI assets). */
export const DASHBOARD_DIRECTORY = join(__dirname, 'dashboard', 'assets');

/** Reads the dashboard files once. */
export function loadDashboardAssets(directory: string = DASHBOARD_DIRECTORY): Map<string, DashboardAsset> {
  return new Map(
    DASHBOARD_FILES.map((name) => [name, { content: readFileSync(join(directory, name)), mediaType: MEDIA_TYPES[name.slice(name.lastIndexOf('.'))] }]),
  );
}
