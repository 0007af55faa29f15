import { writeSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints the plain closing line `tests: N passed, N failed, N skipped` after a run, so that CI
 * logs (and tools that read them) see the counts in one conventional line.
 */
export default class ClosingLine implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const count = { passed: 0, failed: 0, skipped: 0 };
    for (const m of modules) {
      for (const test of m.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') count.passed++;
        else if (state === 'failed') count.failed++;
        else count.skipped++;
      }
      // A module that failed to load counts as a failure even with no tests.
      if (m.state() === 'failed' && [...m.children.allTests()].length === 0) count.failed++;
    }
    // The default reporter prints its summary after this hook: write ours last, at exit.
    process.once('exit', () => writeSync(1, `tests: ${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped\n`));
  }
}
