/**
 * Prints one plain closing line, `N passed, N failed, N skipped`, after jest's own summary, so CI
 * logs end with a line any tool can read.
 */
class SummaryLineReporter {
  onRunComplete(_contexts, results) {
    process.stderr.write(`\ntests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${results.numPendingTests} skipped\n`);
  }
}
module.exports = SummaryLineReporter;
