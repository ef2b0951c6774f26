import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';

/**
 * The kiosk's own folder: the nearest one above this module holding package.json and src/pages
 * (the module runs from src/http/routes, or bundled from dist/).
 */
function projectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'src', 'pages'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no kiosk folder (package.json, src/pages) above ${from}`);
  }
}

const ROOT = projectRoot(dirname(fileURLToPath(import.meta.url)));
/** The pages' own files: HTML, ES modules and CSS, served as they are (no build step). */
export const PAGES_DIR = join(ROOT, 'src', 'pages');
/** Be Vietnam Pro, shipped with the kiosk: the screen never fetches anything from outside. */
export const FONTS_DIR = join(ROOT, 'node_modules', '@fontsource', 'be-vietnam-pro', 'files');

/** Each screen's entry: the path a browser opens and the index file under src/pages. */
const SCREENS: ReadonlyArray<readonly [string, string]> = [
  ['/', 'kiosk'],
  ['/staff', 'staff'],
  ['/tech', 'tech'],
  ['/sim', 'sim'],
];

/**
 * The kiosk's screens as static files: /assets/ (src/pages), /fonts/ (the shipped font), and
 * the entry pages / (citizen kiosk), /staff, /tech and /sim. A screen whose folder is not there
 * answers 404 like any unknown path.
 */
export function pageRoutes(): FastifyPluginAsync {
  return async (app) => {
    await app.register(fastifyStatic, {
      root: PAGES_DIR,
      prefix: '/assets/',
      index: false,
      // The pages change with the daemon's version; a kiosk restart must not show stale scripts.
      cacheControl: false,
      etag: true,
    });
    await app.register(fastifyStatic, {
      root: FONTS_DIR,
      prefix: '/fonts/',
      decorateReply: false,
      index: false,
      maxAge: '30d',
      immutable: true,
    });
    for (const [path, dir] of SCREENS) {
      app.get(path, { schema: { hide: true } }, async (_request, reply) => {
        if (!existsSync(join(PAGES_DIR, dir, 'index.html'))) return reply.callNotFound();
        return reply.header('cache-control', 'no-store').sendFile(join(dir, 'index.html'), PAGES_DIR);
      });
    }
  };
}
