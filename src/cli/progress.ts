/**
 * A progress line on stderr that appears only once work has taken longer than a second: runs
 * done of total, failures, rate and time left. On a terminal it redraws in place; otherwise (logs,
 * CI, cluster jobs) it prints a line at each tenth. The rate counts only runs done since this
 * process started, so a resumed batch does not overstate it.
 */
export class Progress {
  private readonly started = performance.now();
  private shown = false;
  private lastTenth = -1;
  private firstDone = -1;

  constructor(
    private readonly label: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  update(done: number, total: number, failed = 0): void {
    if (this.firstDone < 0) this.firstDone = done;
    const elapsed = (performance.now() - this.started) / 1000;
    if (elapsed < 1 && done < total) return;
    if (!this.shown && done === total && elapsed < 1) return;
    this.shown = true;
    const rate = (done - this.firstDone) / Math.max(elapsed, 1e-9);
    const left = rate > 0 ? (total - done) / rate : NaN;
    const failures = failed > 0 ? `, ${failed} failed` : '';
    const text = `${this.label} ${done}/${total} runs${failures}, ${rate.toFixed(1)}/s, ${Number.isFinite(left) ? formatSeconds(left) : '?'} left`;
    if (this.stream.isTTY) {
      const width = 24;
      const filled = total > 0 ? Math.round((width * done) / total) : width;
      this.stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${text}   `);
      if (done === total) this.stream.write('\n');
    } else {
      const tenth = total > 0 ? Math.floor((10 * done) / total) : 10;
      if (tenth !== this.lastTenth) {
        this.lastTenth = tenth;
        this.stream.write(`${text}\n`);
      }
    }
  }
}

export function formatSeconds(s: number): string {
  if (s < 60) return `${s.toFixed(0)}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}
