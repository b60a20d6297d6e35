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
      .positional('scenario', { type: 'string', describe: 'Built-in scenario to start scenario A from (default gde-baseline)' })
      .option('port', { type: 'string', default: String(DEFAULT_PORT), describe: 'Port on 127.0.0.1 (0: any free port)' }) as unknown as Argv<ExploreArgs>,
  handler: async (args: ArgumentsCamelCase<ExploreArgs>) => {
    const { BUILTIN_DOCUMENTS } = await import('../../scenarios/builtin/index.js');
    const names = Object.keys(BUILTIN_DOCUMENTS);
    const scenario = args.scenario ?? 'gde-baseline';
    if (!names.includes(scenario)) throw new UsageError(`unknown scenario '${scenario}'; lesim explore starts from a built-in scenario: ${names.join(', ')}`);
    const port = wholeNumber('port', args.port, 0, 65535);
    const { servePage, PortError } = await import('../../explore/server.js');
    let served: Awaited<ReturnType<typeof servePage>>;
    try {
      served = await servePage(port);
    } catch (error) {
      if (error instanceof PortError) throw new UsageError(error.message);
      throw error;
    }
    const address = `${served.url}?scenario=${encodeURIComponent(scenario)}`;
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
