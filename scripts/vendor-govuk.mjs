// Vendors GOV.UK Frontend into the app's static resources so that Pathways needs no npm at run time:
//   src/main/resources/static/govuk/pathways.min.css   (GOV.UK Frontend Sass, Arial, + Pathways rules)
//   src/main/resources/static/govuk/govuk-frontend.min.js
//   src/main/resources/static/govuk/VERSION.txt
// Run after `npm install`: `npm run vendor:govuk`. The GDS Transport fonts and the crown images are not
// copied: they are for GOV.UK services only, and Pathways is not one.
import { mkdirSync, copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as sass from 'sass';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const govuk = join(root, 'node_modules', 'govuk-frontend');
const out = join(root, 'src', 'main', 'resources', 'static', 'govuk');
mkdirSync(out, { recursive: true });

const version = JSON.parse(readFileSync(join(govuk, 'package.json'), 'utf8')).version;
if (!version.startsWith('5.')) {
  throw new Error(`Pathways is built on govuk-frontend 5.x, found ${version}`);
}

const css = sass.compile(join(root, 'src', 'main', 'scss', 'pathways.scss'), {
  loadPaths: [join(root, 'node_modules')],
  style: 'compressed',
  quietDeps: true,
  silenceDeprecations: ['import', 'global-builtin', 'color-functions', 'slash-div', 'if-function'],
});
writeFileSync(join(out, 'pathways.min.css'), css.css + '\n');
copyFileSync(join(govuk, 'dist', 'govuk', 'govuk-frontend.min.js'), join(out, 'govuk-frontend.min.js'));
writeFileSync(join(out, 'VERSION.txt'),
  `govuk-frontend ${version} (MIT), built by npm run vendor:govuk; do not edit by hand\n`);
console.log(`Vendored govuk-frontend ${version} into ${out}`);
