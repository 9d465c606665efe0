// Draws each BPMN model as process owners see it in the Modeler, into docs/diagrams/: one PNG for the process and
// one for each collapsed sub-process (its drill-down). Uses bpmn-js's viewer in Debian's headless Chromium.
// Usage: node scripts/render-bpmn.mjs bpmn/*.bpmn   (npm run render:bpmn)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

const out = 'docs/diagrams';
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
const here = path.dirname(new URL(import.meta.url).pathname);
const asset = (p) => fs.readFileSync(path.join(here, '..', 'node_modules', 'bpmn-js', 'dist', p), 'utf8');
const viewer = asset('bpmn-viewer.production.min.js');
const css = asset('assets/diagram-js.css') + asset('assets/bpmn-js.css');
fs.mkdirSync(out, { recursive: true });
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'render-bpmn-'));

for (const file of process.argv.slice(2)) {
  const xml = fs.readFileSync(file, 'utf8');
  const name = path.basename(file, '.bpmn');
  // the process itself, then every sub-process drawn collapsed (its content is on a plane of its own)
  const roots = [null];
  for (const m of xml.matchAll(/<bpmndi:BPMNShape [^>]*bpmnElement="([^"]+)"[^>]*>/g)) {
    const id = m[1];
    const isSub = new RegExp(`<bpmn:subProcess id="${id}"`).test(xml);
    if (isSub && !/isExpanded="true"/.test(m[0])) {
      roots.push(id);
    }
  }
  for (const root of roots) {
    const html = path.join(tmp, `${name}-${root || 'process'}.html`);
    fs.writeFileSync(html, `<!doctype html><html><head><meta charset="utf-8"><style>${css}
      html,body,#c{margin:0;width:100%;height:100%;background:#fff}</style></head><body><div id="c"></div>
      <script>${viewer}</script><script>
      const v = new BpmnJS({ container: '#c' });
      v.importXML(${JSON.stringify(xml)}).then(() => {
        const canvas = v.get('canvas');
        const root = ${JSON.stringify(root)};
        if (root) { canvas.setRootElement(canvas.getRootElements().find((r) => r.id === root + '_plane')); }
        canvas.zoom('fit-viewport');
        // room for the drill-down's breadcrumbs above, and a margin all round
        const box = canvas.viewbox().inner;
        const margin = 40;
        canvas.viewbox({ x: box.x - margin, y: box.y - margin - 60, width: box.width + 2 * margin,
          height: box.height + 2 * margin + 60 });
      });
      </script></body></html>`);
    const png = path.join(out, `${name}${root ? '-' + root : ''}.png`);
    execFileSync(chromium, ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--hide-scrollbars',
      `--user-data-dir=${path.join(tmp, 'profile')}`, '--window-size=1800,900', '--virtual-time-budget=5000',
      `--screenshot=${path.resolve(png)}`, `file://${html}`], { stdio: 'ignore' });
    console.log(`drew ${png}`);
  }
}
fs.rmSync(tmp, { recursive: true, force: true });
