// An input error of the command line: its message already names the file, field path and expectation.
export class CliError extends Error {
  readonly path: string;
  constructor(path: string, message: string) {
    super(message);
    this.name = 'CliError';
    this.path = path;
  }
}
