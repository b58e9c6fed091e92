// train.mjs: the JavaScript baseline for BENCHMARKS.md. A hand-written
// 81-H-2 network (sigmoid hidden layer, softmax output, cross-entropy) trained
// by SGD with Float64Array loops, the way the original Binary Digit Trainer
// and most hand-written JS trainers do it: dense loops over all 81 inputs,
// batch 1 updating the weights in place, larger batches accumulating the
// gradient first. Same data as the Go benchmark (nn/synth_test.go, the same
// mulberry32 stream), same shuffle-per-epoch loop, same hidden sizes and
// batch sizes.
//
// Usage: node bench/train.mjs [seconds per case, default 1] [repeats, default 1]
// Prints one line per run: "js H=24 batch=1 samples/s=123456 samples/cpu-s=234567",
// the rate per wall-clock second and per second of CPU time the process got.

const INPUTS = 81, CLASSES = 2, SAMPLES = 512, LR = 0.1;

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// synthInk and synthDigits mirror nn/synth_test.go.
function synthInk(label, r, c) {
  if (label === 0) {
    return ((r === 1 || r === 7) && c >= 3 && c <= 5) || ((c === 2 || c === 6) && r >= 2 && r <= 6);
  }
  return ((c === 4 || c === 5) && r >= 1 && r <= 7) || (r === 7 && (c === 3 || c === 6));
}

function synthDigits(n, seed) {
  const rnd = mulberry32(seed);
  const X = new Float64Array(n * INPUTS), Y = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const label = k % 2;
    const dx = Math.trunc(rnd() * 3) - 1, dy = Math.trunc(rnd() * 3) - 1;
    for (let r = 0; r < 9; r++) {
      for (let c = 0; c < 9; c++) {
        let v = synthInk(label, r - dy, c - dx);
        if (rnd() < 0.06) v = !v;
        if (v) X[k * INPUTS + r * 9 + c] = 1;
      }
    }
    Y[k] = label;
  }
  return { X, Y };
}

function makeNet(H, rnd) {
  const glorot = (a, fanIn, fanOut) => {
    const lim = Math.sqrt(6 / (fanIn + fanOut));
    for (let i = 0; i < a.length; i++) a[i] = (rnd() * 2 - 1) * lim;
    return a;
  };
  return {
    H,
    W1: glorot(new Float64Array(H * INPUTS), INPUTS, H), B1: new Float64Array(H),
    W2: glorot(new Float64Array(CLASSES * H), H, CLASSES), B2: new Float64Array(CLASSES),
    z1: new Float64Array(H), h1: new Float64Array(H), p: new Float64Array(CLASSES),
    dh: new Float64Array(H), dout: new Float64Array(CLASSES),
    gW1: new Float64Array(H * INPUTS), gB1: new Float64Array(H),
    gW2: new Float64Array(CLASSES * H), gB2: new Float64Array(CLASSES),
  };
}

// forward fills z1, h1 and p for sample k and returns its loss.
function forward(net, X, k, label) {
  const { H, W1, B1, W2, B2, z1, h1, p } = net;
  const off = k * INPUTS;
  for (let h = 0; h < H; h++) {
    let z = B1[h];
    const row = h * INPUTS;
    for (let i = 0; i < INPUTS; i++) z += W1[row + i] * X[off + i];
    z1[h] = z;
    h1[h] = 1 / (1 + Math.exp(-z));
  }
  let m = -Infinity;
  for (let c = 0; c < CLASSES; c++) {
    let z = B2[c];
    const row = c * H;
    for (let h = 0; h < H; h++) z += W2[row + h] * h1[h];
    p[c] = z;
    if (z > m) m = z;
  }
  let sum = 0;
  for (let c = 0; c < CLASSES; c++) { p[c] = Math.exp(p[c] - m); sum += p[c]; }
  for (let c = 0; c < CLASSES; c++) p[c] /= sum;
  return -Math.log(Math.max(p[label], 1e-300));
}

// errors fills dout = p − onehot and dh = (W2ᵀ·dout) ⊙ h(1−h).
function errors(net, label) {
  const { H, W2, h1, p, dout, dh } = net;
  for (let c = 0; c < CLASSES; c++) dout[c] = p[c] - (c === label ? 1 : 0);
  for (let h = 0; h < H; h++) {
    let s = 0;
    for (let c = 0; c < CLASSES; c++) s += W2[c * H + h] * dout[c];
    dh[h] = s * h1[h] * (1 - h1[h]);
  }
}

// sgd updates the weights in place from one sample (batch 1).
function sgd(net, X, k) {
  const { H, W1, B1, W2, B2, h1, dout, dh } = net;
  const off = k * INPUTS;
  for (let c = 0; c < CLASSES; c++) {
    const d = LR * dout[c], row = c * H;
    for (let h = 0; h < H; h++) W2[row + h] -= d * h1[h];
    B2[c] -= d;
  }
  for (let h = 0; h < H; h++) {
    const d = LR * dh[h], row = h * INPUTS;
    for (let i = 0; i < INPUTS; i++) W1[row + i] -= d * X[off + i];
    B1[h] -= d;
  }
}

// accumulate adds one sample's gradient; apply takes the mean step.
function accumulate(net, X, k) {
  const { H, gW1, gB1, gW2, gB2, h1, dout, dh } = net;
  const off = k * INPUTS;
  for (let c = 0; c < CLASSES; c++) {
    const d = dout[c], row = c * H;
    for (let h = 0; h < H; h++) gW2[row + h] += d * h1[h];
    gB2[c] += d;
  }
  for (let h = 0; h < H; h++) {
    const d = dh[h], row = h * INPUTS;
    for (let i = 0; i < INPUTS; i++) gW1[row + i] += d * X[off + i];
    gB1[h] += d;
  }
}

function apply(net, count) {
  const step = LR / count;
  step1(net.W1, net.gW1, step);
  step1(net.B1, net.gB1, step);
  step1(net.W2, net.gW2, step);
  step1(net.B2, net.gB2, step);
}

function step1(w, g, step) {
  for (let i = 0; i < w.length; i++) { w[i] -= step * g[i]; g[i] = 0; }
}

// epoch trains once over the data in a fresh shuffled order and returns the
// summed loss. Kept a plain function with locals (not a closure over mutable
// variables, which V8 would box) so the baseline is not handicapped.
function epoch(net, data, batch, order, rnd) {
  const n = order.length;
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.trunc(rnd() * (i + 1));
    const t = order[i]; order[i] = order[j]; order[j] = t;
  }
  let loss = 0, pending = 0;
  for (let s = 0; s < n; s++) {
    const k = order[s], label = data.Y[k];
    loss += forward(net, data.X, k, label);
    errors(net, label);
    if (batch === 1) {
      sgd(net, data.X, k);
    } else {
      accumulate(net, data.X, k);
      pending++;
      if (pending === batch || s === n - 1) { apply(net, pending); pending = 0; }
    }
  }
  return loss;
}

// run trains for about `seconds` and returns samples per second.
function run(H, batch, data, seconds) {
  const rnd = mulberry32(1);
  const net = makeNet(H, rnd);
  const order = new Int32Array(SAMPLES);
  // Warm up for a quarter of a second (at least 4 epochs) so that V8 has
  // optimised the hot loops again for this H before the clock starts.
  const warm = process.hrtime.bigint();
  for (let i = 0; i < 4 || Number(process.hrtime.bigint() - warm) < 0.25e9; i++) epoch(net, data, batch, order, rnd);
  let seen = 0, loss = 0, elapsed = 0;
  const cpu0 = process.cpuUsage();
  const start = process.hrtime.bigint();
  while (elapsed < seconds) {
    loss += epoch(net, data, batch, order, rnd);
    seen += SAMPLES;
    elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  }
  if (!Number.isFinite(loss)) throw new Error("training diverged");
  const cpu = process.cpuUsage(cpu0);
  return [seen / elapsed, seen / ((cpu.user + cpu.system) / 1e6)];
}

const seconds = Number(process.argv[2] ?? 1), repeats = Number(process.argv[3] ?? 1);
const data = synthDigits(SAMPLES, 1);
let ink = 0;
for (const v of data.X) ink += v;
console.log(`# data: ${SAMPLES} samples, ${(100 * ink / data.X.length).toFixed(1)}% ink, node ${process.version}`);
for (const H of [24, 40, 128]) {
  for (const batch of [1, 32]) {
    for (let r = 0; r < repeats; r++) {
      const [wall, cpu] = run(H, batch, data, seconds);
      console.log(`js H=${H} batch=${batch} samples/s=${Math.round(wall)} samples/cpu-s=${Math.round(cpu)}`);
    }
  }
}
