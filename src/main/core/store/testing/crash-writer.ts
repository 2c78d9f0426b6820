import { EventStore } from '../event-store';

/**
 * Test fixture for crash safety: appends events as fast as it can, forever, and prints the lastSeq
 * of every commit (one number a line) the moment it is acknowledged. A test kills it mid-batch and
 * checks that every printed seq survived. Usage: `node crash-writer.cjs <database path>`.
 */
const [path] = process.argv.slice(2);
if (!path) {
  process.stderr.write('usage: crash-writer <database path>\n');
  process.exit(2);
}

const store = EventStore.open(path, { batchSize: 250, batchMs: 5 });
// Writes to a pipe are synchronous on Linux and macOS: a printed seq was committed before it was printed.
store.onCommit(({ lastSeq }) => process.stdout.write(`${lastSeq}\n`));

let n = 0;
function burst(): void {
  for (let i = 0; i < 400; i++) {
    n++;
    store.append({
      time: Date.now(),
      machineId: String(n % 50),
      type: 'rvm.status.updated',
      status: 'active',
      payload: { n, note: 'x'.repeat(200) },
    });
  }
  setImmediate(burst);
}
burst();
