// Lays out the diagrams of BPMN models (bpmn-auto-layout): the process's semantics are kept as they are, the
// diagram (DI) is made anew, with each sub-process collapsed and drawn on a plane of its own (drill down in the
// Modeler). Usage: node scripts/layout-bpmn.mjs bpmn/cse-referral.bpmn [more.bpmn ...]   (npm run layout:bpmn)
import { layoutProcess } from 'bpmn-auto-layout';
import fs from 'node:fs';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node scripts/layout-bpmn.mjs <file.bpmn> ...');
  process.exit(2);
}
for (const file of files) {
  const xml = fs.readFileSync(file, 'utf8');
  const laidOut = await layoutProcess(xml);
  fs.writeFileSync(file, laidOut.endsWith('\n') ? laidOut : laidOut + '\n');
  console.log(`laid out ${file}`);
}
