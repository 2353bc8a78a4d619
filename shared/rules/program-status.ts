import type { ProgramStatus } from "../api/programs.ts";

/**
 * A program moves draft → open → closed → archived. Closing can be undone (reopen sign-ups), and a
 * draft that will never run can be archived directly. Nothing comes back from the archive.
 */
export const PROGRAM_TRANSITIONS: Record<ProgramStatus, readonly ProgramStatus[]> = {
  draft: ["open", "archived"],
  open: ["closed"],
  closed: ["open", "archived"],
  archived: [],
};

export function canTransition(from: ProgramStatus, to: ProgramStatus): boolean {
  return PROGRAM_TRANSITIONS[from].includes(to);
}
