// What every command does with its arguments: parse them, and on a usage error say so on stderr
// with the usage line (exit code 2, the caller's to return).

/** The parsed options, or undefined after writing the error and the usage line to stderr. */
export function parseOrUsage<T>(parse: () => T, usage: string): T | undefined {
  try {
    return parse();
  } catch (err) {
    process.stderr.write(`error: ${(err as Error).message}\n${usage}\n`);
    return undefined;
  }
}
