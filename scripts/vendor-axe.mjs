// Copies axe-core's axe.min.js into the test resources, so the browser tests need no npm: `npm run vendor:axe`.
import { mkdirSync, copyFileSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const axe = join(root, 'node_modules', 'axe-core');
const out = join(root, 'src', 'test', 'resources', 'axe');
mkdirSync(out, { recursive: true });
copyFileSync(join(axe, 'axe.min.js'), join(out, 'axe.min.js'));
const version = JSON.parse(readFileSync(join(axe, 'package.json'), 'utf8')).version;
console.log(`Vendored axe-core ${version} into ${out}`);
