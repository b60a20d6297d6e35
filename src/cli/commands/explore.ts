import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { UsageError, wholeNumber } from '../errors.js';

interface ExploreArgs {
  scenario?: string;
  port: string;
}

export const DEFAULT_PORT = 8917;

export const exploreCommand: CommandModule<object, ExploreArgs> = {
  command: 'explore [scenario]',
  describe: 'Run the model live in the browser: levers as controls, two scenarios side by side on paired replications, live charts (a local page on 127.0.0.1)',
  builder: (y: Argv) =>
    y
      .positional('scenario', { type: 'string', describe: 'Built-in scenario or scenario file (.yaml, .yml, .json) to start scenario A from (default gde-baseline)' })
      .option('port', { type: 'string', default: String(DEFAULT_PORT), describe: 'Port on 127.0.0.1 (0: any free port)' }) as unknown as Argv<ExploreArgs>,
  handler: async (args: ArgumentsCamelCase<ExploreArgs>) => {
    const scenario = args.scenario ?? 'gde-baseline';
    const port = wholeNumber('port', args.port, 0, 65535);
    const { loadScenarioArgument, looksLikeFile } = await import('../../scenarios/load.js');
    // Checked here as lesim validate checks it (exit 2 with every problem); the page checks edits.
    const { scenario: loaded } = loadScenarioArgument(scenario);
    const file = looksLikeFile(scenario);
    const extra: Record<string, string> = {};
    if (file) extra['/start.json'] = JSON.stringify({ name: loaded.name, title: loaded.title, description: loaded.description, levers: loaded.levers ?? {}, ref: scenario });
    const { servePage, PortError } = await import('../../explore/server.js');
    let served: Awaited<ReturnType<typeof servePage>>;
    try {
      served = await servePage(port, undefined, extra);
    } catch (error) {
      if (error instanceof PortError) throw new UsageError(error.message);
      throw error;
    }
    const address = `${served.url}?${file ? 'file' : 'scenario'}=${encodeURIComponent(scenario)}`;
    process.stdout.write(`lesim explore: open ${address}\n(the page runs the model in your browser; nothing leaves this machine. Ctrl-C stops the server.)\n`);
    // Serve until interrupted, then let open connections go.
    await new Promise<void>((resolve) => {
      const stop = () => {
        served.server.closeAllConnections();
        served.server.close(() => resolve());
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
  },
};
