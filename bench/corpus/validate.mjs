// Validate a corpus folder: JSON shape, slugs exist, no duplicates; print counts.
// Usage: node bench/corpus/validate.mjs [unseen|fresh|.]  (default: unseen)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
const here = path.dirname(fileURLToPath(import.meta.url));
const dir = path.resolve(here, process.argv[2] ?? 'unseen');
const errorsDir = path.resolve(here, '../../content/errors');
const slugs = new Set(
  fs
    .readdirSync(errorsDir)
    .filter((f) => /\.mdx?$/.test(f))
    .map((f) => f.replace(/\.mdx?$/, '')),
);
const KINDS = {
  single: [
    'bare',
    'case-space',
    'log',
    'prose',
    'json-fault',
    'xml-fault',
    'sdk',
    'code-title',
    'typo',
    'cut-off',
    'second-half',
    'own-words',
  ],
  ambiguous: ['bare', 'code-title', 'cut-off', 'own-words'],
  unrelated: [
    'qbo-fault-json',
    'qbo-fault-xml',
    'qbo-fault-bare',
    'other-system',
    'prose',
    'log-noise',
    'near-miss',
  ],
  multi: ['export-report', 'log', 'email'],
};
let problems = 0;
const bad = (m) => {
  problems++;
  console.log('PROBLEM:', m);
};
const seen = new Map();
for (const file of Object.keys(KINDS)) {
  const at = path.join(dir, file + '.json');
  if (!fs.existsSync(at)) {
    console.log(`\n== ${file}.json: not there (skipped)`);
    continue;
  }
  const arr = JSON.parse(fs.readFileSync(at, 'utf8'));
  if (!Array.isArray(arr)) {
    bad(`${file}: not an array`);
    continue;
  }
  const perKind = {},
    perSlug = {};
  arr.forEach((c, i) => {
    const id = `${file}[${i}]`;
    const keys = Object.keys(c).sort().join(',');
    if (keys !== 'expect,kind,text') bad(`${id}: keys ${keys}`);
    if (typeof c.text !== 'string' || !c.text.trim()) bad(`${id}: empty text`);
    if (!KINDS[file].includes(c.kind)) bad(`${id}: unknown kind ${c.kind}`);
    if (seen.has(c.text)) bad(`${id}: duplicate of ${seen.get(c.text)}`);
    else seen.set(c.text, id);
    perKind[c.kind] = (perKind[c.kind] || 0) + 1;
    let exp = [];
    if (file === 'single') {
      if (typeof c.expect !== 'string') bad(`${id}: expect must be a string`);
      else exp = [c.expect];
    } else if (file === 'unrelated') {
      // Relabelled in place when a later page came to cover it: a slug (or two or more: ambiguous).
      if (typeof c.expect === 'string') exp = [c.expect];
      else if (Array.isArray(c.expect)) exp = c.expect;
      else if (c.expect !== null) bad(`${id}: expect must be null, a slug or slugs`);
    } else {
      if (!Array.isArray(c.expect) || c.expect.length < 2)
        bad(`${id}: expect must be an array of >= 2 slugs`);
      else {
        exp = c.expect;
        if (new Set(exp).size !== exp.length) bad(`${id}: repeated slug in expect`);
      }
    }
    for (const s of exp) {
      if (!slugs.has(s)) bad(`${id}: unknown slug ${s}`);
      perSlug[s] = (perSlug[s] || 0) + 1;
    }
    if (file === 'multi') {
      const n = c.text.split('\n').length;
      perKind['(lines>=100)'] = (perKind['(lines>=100)'] || 0) + (n >= 100 ? 1 : 0);
    }
  });
  console.log(`\n== ${file}.json: ${arr.length} cases`);
  console.log('per kind:', JSON.stringify(perKind));
  if (Object.keys(perSlug).length) {
    console.log('per slug:');
    for (const s of [...slugs].sort()) console.log(`  ${String(perSlug[s] || 0).padStart(3)}  ${s}`);
  }
  if (file === 'single') {
    // kind x slug matrix gaps
    const m = {};
    for (const c of arr) (m[c.expect] ||= new Set()).add(c.kind);
    for (const s of slugs) {
      const miss = KINDS.single.filter((k) => k !== 'code-title' && !(m[s] && m[s].has(k)));
      if (miss.length) console.log(`  note: ${s} has no ${miss.join(', ')}`);
    }
  }
}
console.log(problems ? `\n${problems} problem(s)` : '\nOK: no problems');
process.exitCode = problems ? 1 : 0;
