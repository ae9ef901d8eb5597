import { readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';

export interface WebAsset {
  content: Buffer;
  mediaType: string;
}

const MEDIA_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** The workspace's own files, beside this module (copied to dist/ as Nest CLI assets). */
export const WEB_ASSETS_DIRECTORY = join(__dirname, 'assets');

/** Public URL prefixes of the page files and of the libraries they import. */
export const APP_ASSETS_PATH = '/assets/app';
export const VENDOR_ASSETS_PATH = '/assets/vendor';

/** Every page file by name (one flat folder: nothing outside it is served). */
export function loadAppAssets(directory: string = WEB_ASSETS_DIRECTORY): Map<string, WebAsset> {
  return new Map(
    readdirSync(directory)
      .filter((name) => MEDIA_TYPES[extname(name)] !== undefined)
      .map((name) => [name, { content: readFileSync(join(directory, name)), mediaType: MEDIA_TYPES[extname(name)] }]),
  );
}

/**
 * Preact, its hooks and htm, as browser ES modules from the installed packages (no CDN, no bundler).
 * Bare `preact` imports are pointed at our own URL, since a page under a strict script policy
 * cannot carry an inline import map; source-map comments go, as the maps are not served.
 */
export function loadVendorAssets(): Map<string, WebAsset> {
  // Each package's CommonJS entry sits beside its browser ES module build.
  const files: Array<[string, string]> = [
    ['preact.mjs', join(dirname(require.resolve('preact')), 'preact.module.js')],
    ['hooks.mjs', join(dirname(require.resolve('preact/hooks')), 'hooks.module.js')],
    ['htm.mjs', join(dirname(require.resolve('htm')), 'htm.module.js')],
  ];
  return new Map(
    files.map(([name, path]) => {
      const source = readFileSync(path, 'utf8')
        .replace(/from\s*["']preact["']/g, `from"${VENDOR_ASSETS_PATH}/preact.mjs"`)
        .replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '\n');
      return [name, { content: Buffer.from(source, 'utf8'), mediaType: MEDIA_TYPES['.mjs'] }];
    }),
  );
}
