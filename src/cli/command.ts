/** One `relais <command>`: a line for `relais help`, and a handler that returns the exit code. */
export interface CliCommand {
  help: string;
  handler(argv: string[], env: NodeJS.ProcessEnv): Promise<number>;
}
