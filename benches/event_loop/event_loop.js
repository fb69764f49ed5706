// The JavaScript peer of event_loop.dart: the same chains with queueMicrotask,
// Promise.then and setImmediate (node's one-turn-per-callback equivalent of Timer.run).
let checksum = 0;

function microtaskChain(n) {
  return new Promise((resolve) => {
    let left = n;
    const step = () => {
      checksum += left & 7;
      if (--left === 0) resolve(n); else queueMicrotask(step);
    };
    queueMicrotask(step);
  });
}

async function futureChain(n) {
  let f = Promise.resolve(0);
  for (let i = 0; i < n; i++) f = f.then((v) => v + 1);
  const v = await f;
  checksum += v & 0xff;
  return v;
}

function timerChain(n) {
  return new Promise((resolve) => {
    let left = n;
    const step = () => {
      checksum += left & 3;
      if (--left === 0) resolve(n); else setImmediate(step);
    };
    setImmediate(step);
  });
}

async function measure(name, ops, run) {
  const start = process.hrtime.bigint();
  await run(ops);
  const us = Number((process.hrtime.bigint() - start) / 1000n);
  const rate = Math.floor((ops * 1000000) / (us === 0 ? 1 : us));
  console.log(`${name}: ${rate} ops/s (${ops} in ${Math.floor(us / 1000)} ms)`);
}

(async () => {
  const rounds = process.argv.length > 2 ? parseInt(process.argv[2], 10) : 1;
  await measure('microtasks', 1000000 * rounds, microtaskChain);
  await measure('future then', 300000 * rounds, futureChain);
  await measure('timers', 100000 * rounds, timerChain);
  console.log(`checksum ${checksum}`);
})();
