import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Builds the static page of `lesim explore` (npm run build): the browser entry and its Web
 * Worker bundled by esbuild from src/explore/web, with the model, scenario and chart code they
 * import from src, into dist/explore/web beside index.html and style.css. The bundles target the
 * browser, so a Node-only import anywhere on their path fails the build instead of the page.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const src = join(root, 'src/explore/web');
const out = join(root, 'dist/explore/web');

mkdirSync(out, { recursive: true });
const common = { bundle: true, platform: 'browser', target: 'es2022', minify: true, sourcemap: 'linked', logLevel: 'warning', absWorkingDir: root } as const;
await build({ ...common, entryPoints: [join(src, 'main.ts')], outfile: join(out, 'main.js'), format: 'esm' });
// A classic worker script, so it loads in every browser that runs Web Workers.
await build({ ...common, entryPoints: [join(src, 'worker.ts')], outfile: join(out, 'worker.js'), format: 'iife' });
for (const file of ['index.html', 'style.css']) copyFileSync(join(src, file), join(out, file));
