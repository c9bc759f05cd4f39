// Loaded into the server by `npm run bench -- --profile` (node --import): a CPU profile of the
// server between two SIGUSR2 signals, written to $BENCH_PROFILE_DIR/<label>-<pid>.cpuprofile where
// <label> is read from $BENCH_PROFILE_DIR/label at the first signal. The server exits on SIGINT/SIGTERM
// without flushing `node --cpu-prof`; the inspector session here writes the profile itself.
import fs from 'node:fs';
import { Session } from 'node:inspector';
import path from 'node:path';

const dir = process.env.BENCH_PROFILE_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  let label = null;
  process.on('SIGUSR2', () => {
    if (label === null) {
      const labelFile = path.join(dir, 'label');
      label = fs.existsSync(labelFile) ? fs.readFileSync(labelFile, 'utf8').trim() : 'profile';
      session.post('Profiler.enable', () => session.post('Profiler.start'));
      return;
    }
    const name = label;
    label = null;
    session.post('Profiler.stop', (err, result) => {
      if (err) return;
      fs.writeFileSync(path.join(dir, `${name}-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
