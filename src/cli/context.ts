/** Exit codes of the SPEC (section 2). */
export const EXIT = { ok: 0, internal: 1, badInput: 2, infeasible: 3 } as const;

/** What a command's action hands back to the program: its exit code. */
export interface CommandContext {
  setExitCode: (code: number) => void;
}
