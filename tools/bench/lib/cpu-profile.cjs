// A CPU profile on demand, for a server under load: preload this file (`node -r`)
// and each SIGUSR2 toggles V8's sampling profiler; the second writes
// $CPU_PROFILE_FILE (a .cpuprofile that Chrome DevTools opens, or that
// `tools/bench/hot-path.cjs --read-profile FILE` sums up). Warm-up is left out
// by starting the profile after it, unlike `node --cpu-prof`, which also needs a
// clean exit. Used only by the bench scripts.
'use strict';

const fs = require('node:fs');
const inspector = require('node:inspector');

const file = process.env.CPU_PROFILE_FILE;
if (file) {
  const session = new inspector.Session();
  session.connect();
  let running = false;
  const post = (method, params) => new Promise((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
  process.on('SIGUSR2', () => {
    const step = running
      ? post('Profiler.stop').then(({ profile }) => {
          fs.writeFileSync(file, JSON.stringify(profile));
          process.stderr.write(`cpu-profile: wrote ${file}\n`);
        })
      : post('Profiler.enable')
          .then(() => post('Profiler.setSamplingInterval', { interval: Number(process.env.CPU_PROFILE_INTERVAL_US || 250) }))
          .then(() => post('Profiler.start'));
    running = !running;
    step.catch((error) => process.stderr.write(`cpu-profile: ${error.message}\n`));
  });
}
