/**
 * A progress bar on stderr that appears only once work has taken longer than a second. On a
 * terminal it redraws in place; otherwise (logs, CI) it prints a line at each tenth.
 */
export class Progress {
  private readonly started = performance.now();
  private shown = false;
  private lastTenth = -1;

  constructor(
    private readonly label: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  update(done: number, total: number): void {
    const elapsed = (performance.now() - this.started) / 1000;
    if (elapsed < 1 && done < total) return;
    if (!this.shown && done === total && elapsed < 1) return;
    this.shown = true;
    const rate = done / Math.max(elapsed, 1e-9);
    const left = rate > 0 ? (total - done) / rate : 0;
    const text = `${this.label} ${done}/${total} runs, ${rate.toFixed(1)}/s, ${formatSeconds(left)} left`;
    if (this.stream.isTTY) {
      const width = 24;
      const filled = Math.round((width * done) / total);
      this.stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${text}   `);
      if (done === total) this.stream.write('\n');
    } else {
      const tenth = Math.floor((10 * done) / total);
      if (tenth !== this.lastTenth) {
        this.lastTenth = tenth;
        this.stream.write(`${text}\n`);
      }
    }
  }
}

function formatSeconds(s: number): string {
  if (s < 60) return `${s.toFixed(0)}s`;
  return `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`;
}
