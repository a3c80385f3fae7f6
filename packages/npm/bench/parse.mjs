// Parsing a 10,000-member page from JavaScript through the package, as a
// ratio against what a JavaScript user would write instead: JSON.parse of
// the same bytes and a map into plain objects. Goal (issue 12): at most 2x.
// Medians of alternating rounds in one run.
//
//   node bench/parse.mjs           # full run
//   node bench/parse.mjs --smoke   # a few rounds (CI)
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { parseResponse } from 'rosterkit/sansio';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const PAGES = `${ROOT}target/bench-pages`;
if (!existsSync(`${PAGES}/polaris_group_members_10k.json`)) execFileSync('python3', [`${ROOT}scripts/bench-pages.py`]);

const smoke = process.argv.includes('--smoke');
const rounds = smoke ? 3 : 41;

function race(cases) {
  const times = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  for (let i = 0; i < rounds; i++) {
    for (const [name, run] of Object.entries(cases)) {
      const start = performance.now();
      run();
      times[name].push(performance.now() - start);
    }
  }
  return Object.fromEntries(Object.entries(times).map(([k, v]) => [k, v.sort((a, b) => a - b)[v.length >> 1]]));
}

const decoder = new TextDecoder();
const cases = [
  ['polaris', 'polaris_group_members_10k.json', 'polaris.list_group_members', { group_id: 'g1' },
    (o) => o.values.map((m) => ({ id: m.id, username: m.username, email: m.email, firstName: m.firstName, lastName: m.lastName }))],
  ['ssw', 'ssw_list_members_10k.json', 'ssw.list_members', {},
    (o) => o.data.members.map((m) => ({ userId: m.user_id, email: m.email, status: m.status }))],
];
for (const [name, file, endpoint, input, map] of cases) {
  const body = new Uint8Array(readFileSync(`${PAGES}/${file}`));
  const response = { status: 200, headers: [['content-type', 'application/json']], body };
  const t = race({
    rosterkit: () => parseResponse(endpoint, input, response),
    'JSON.parse + map': () => map(JSON.parse(decoder.decode(body))),
  });
  const ratio = t.rosterkit / t['JSON.parse + map'];
  console.log(`${name} 10k members (${(body.length / 1e6).toFixed(2)} MB), median of ${rounds}:`);
  console.log(`  rosterkit        ${t.rosterkit.toFixed(2)} ms`);
  console.log(`  JSON.parse + map ${t['JSON.parse + map'].toFixed(2)} ms  ratio ${ratio.toFixed(2)} (goal <= 2)`);
}
const wasm = readFileSync(fileURLToPath(new URL('../wasm/rosterkit_wasm_bg.wasm', import.meta.url)));
console.log(`.wasm: ${(wasm.length / 1024).toFixed(0)} KB, ${(gzipSync(wasm, { level: 9 }).length / 1024).toFixed(0)} KB gzip -9 (goal <= 150 KB)`);
