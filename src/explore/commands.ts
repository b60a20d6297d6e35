/** How one scenario of the page is named on the command line: a built-in, or its downloaded file. */
export interface CommandScenario {
  /** A built-in's name, or the scenario file's name (`<name>.yaml`) when edited. */
  readonly ref: string;
  readonly horizon: number;
}

export interface ScreenSettings {
  readonly reps: number;
  readonly seed: number;
  /** Months every replication has reached. */
  readonly month: number;
}

function quote(arg: string): string {
  return /^[A-Za-z0-9_./:=-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/**
 * The commands that reproduce the screen: `lesim run` gives the same series as the page's charts
 * and CSV files up to the month shown (byte for byte), `lesim compare` the difference table at
 * the end of the run (the page's numbers before then are the same outcomes measured so far).
 */
export function reproduceCommands(a: CommandScenario, b: CommandScenario | undefined, s: ScreenSettings): string[] {
  const months = (x: CommandScenario) => (s.month < x.horizon ? ['--months', String(s.month)] : []);
  const run = (x: CommandScenario, out: string) => ['npx', 'lesim', 'run', x.ref, '--reps', String(s.reps), '--seed', String(s.seed), ...months(x), '--out', out, '--force'].map(quote).join(' ');
  const lines = [run(a, 'runs/explore-a')];
  if (b) {
    lines.push(run(b, 'runs/explore-b'));
    if (s.reps >= 2) lines.push(['npx', 'lesim', 'compare', a.ref, b.ref, '--reps', String(s.reps), '--seed', String(s.seed), '--out', 'runs/explore-compare', '--force'].map(quote).join(' '));
  }
  return lines;
}
