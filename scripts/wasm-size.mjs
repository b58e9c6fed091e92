// wasm-size.mjs — which Go packages make a wasm big, and what an app adds to a baseline.
// Reads wasm files built WITHOUT -s -w (their "name" section is needed) and sums the code
// size of each package's functions.
//
//   GOOS=js GOARCH=wasm go build -trimpath -o /tmp/app.wasm .
//   GOOS=js GOARCH=wasm go build -trimpath -o /tmp/min.wasm ./internal/minimal
//   node scripts/wasm-size.mjs /tmp/app.wasm [/tmp/min.wasm] [-top 40]
//
// With a second file it lists what the first adds over it, package by package. Data
// (string tables, embedded fonts, the starter set) is one total: the name section does not
// attribute it.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
let top = 40;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '-top') top = Number(args[++i]);
  else files.push(args[i]);
}
if (files.length < 1 || files.length > 2) {
  console.error('usage: node scripts/wasm-size.mjs APP.wasm [BASE.wasm] [-top N]');
  process.exit(2);
}

// The name section spells "encoding/json.(*decodeState).object" as
// "encoding_json.(*decodeState).object" and "github.com/go-text/x.F" as
// "github.com_go_text_x.F": the package ends at the first "." past a leading domain.
function pkgOf(fn) {
  const us = fn.indexOf('_');
  const from = us > 0 && /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(fn.slice(0, us)) ? us : 0;
  const dot = fn.indexOf('.', from);
  return (dot < 0 ? fn : fn.slice(0, dot)).replaceAll('_', '/');
}

function moduleOf(pkg) {
  const parts = pkg.split('/');
  if (parts[0].includes('.')) return parts.slice(0, 3).join('/');
  return parts[0] === 'digittrainer' ? pkg : `std ${parts[0]}`;
}

/** { total, code, data, byPkg: Map } for one wasm file. */
function analyse(file) {
  const b = readFileSync(file);
  let p = 8;
  const uleb = () => {
    let r = 0, shift = 0, byte;
    do { byte = b[p++]; r += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80);
    return r;
  };
  const str = () => { const n = uleb(); const s = b.toString('utf8', p, p + n); p += n; return s; };
  let imported = 0, code = 0, data = 0;
  const bodies = [];
  const names = new Map();
  while (p < b.length) {
    const id = b[p++];
    const size = uleb();
    const end = p + size;
    if (id === 2) { // imported functions take the first function indices
      for (let n = uleb(); n > 0; n--) {
        str(); str();
        const kind = b[p++];
        if (kind === 0) { uleb(); imported++; }
        else if (kind === 1) { p++; if (b[p++] & 1) { uleb(); } uleb(); }
        else if (kind === 2) { if (b[p++] & 1) { uleb(); } uleb(); }
        else if (kind === 3) p += 2;
      }
    } else if (id === 10) {
      code = size;
      for (let n = uleb(); n > 0; n--) { const len = uleb(); bodies.push(len); p += len; }
    } else if (id === 11) {
      data = size;
    } else if (id === 0 && str() === 'name') {
      while (p < end) {
        const sub = b[p++];
        const subEnd = uleb() + p;
        if (sub === 1) for (let n = uleb(); n > 0; n--) { const idx = uleb(); names.set(idx, str()); }
        p = subEnd;
      }
    }
    p = end;
  }
  if (names.size === 0) {
    console.error(`${file} has no name section: build it without -ldflags="-s -w"`);
    process.exit(1);
  }
  const byPkg = new Map();
  bodies.forEach((len, i) => {
    const pkg = pkgOf(names.get(imported + i) || '?');
    byPkg.set(pkg, (byPkg.get(pkg) || 0) + len);
  });
  return { total: b.length, code, data, byPkg };
}

const kb = (n) => `${(n / 1024).toFixed(0).padStart(7)} KiB`;
const group = (byPkg) => {
  const m = new Map();
  for (const [pkg, n] of byPkg) m.set(moduleOf(pkg), (m.get(moduleOf(pkg)) || 0) + n);
  return m;
};
const table = (title, rows) => {
  console.log(`\n${title}`);
  for (const [k, n] of [...rows].sort((x, y) => y[1] - x[1]).slice(0, top)) console.log(`${kb(n)}  ${k}`);
};

const a = analyse(files[0]);
console.log(`${files[0]}: ${kb(a.total)} total, code ${kb(a.code)}, data ${kb(a.data)}`);
if (files.length === 1) {
  table('code by package:', a.byPkg);
  table('code by module (std: by top-level package):', group(a.byPkg));
} else {
  const base = analyse(files[1]);
  console.log(`${files[1]}: ${kb(base.total)} total, code ${kb(base.code)}, data ${kb(base.data)}`);
  console.log(`added: ${kb(a.total - base.total)} total, code ${kb(a.code - base.code)}, data ${kb(a.data - base.data)}`);
  const diff = (x, y) => {
    const d = new Map();
    for (const [k, n] of x) d.set(k, n - (y.get(k) || 0));
    return [...d].filter(([, n]) => n > 0);
  };
  table('code added by package:', diff(a.byPkg, base.byPkg));
  table('code added by module (std: by top-level package):', diff(group(a.byPkg), group(base.byPkg)));
}
