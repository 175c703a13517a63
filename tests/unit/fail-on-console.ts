import { afterEach, vi } from 'vitest';

// Console output in a unit test is a failure unless the test expects it (see Zod's fail-on-console).
const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
let calls: string[] = [];
for (const m of methods) {
  vi.spyOn(console, m).mockImplementation((...args: unknown[]) => {
    calls.push(`${m}: ${args.map(String).join(' ')}`);
  });
}
afterEach(() => {
  const seen = calls;
  calls = [];
  if (seen.length > 0) throw new Error(`unexpected console output:\n${seen.join('\n')}`);
});
