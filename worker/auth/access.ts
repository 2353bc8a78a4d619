import type { Context } from "hono";
import { isGroupAdmin, type GroupRole } from "../../shared/api/groups.ts";
import type { AppEnv } from "../env.ts";
import { findProgramForMember, type ProgramForMemberRow, type ProgramRow } from "../db/programs.ts";
import { notFound } from "../http/errors.ts";
import { currentUser } from "./session.ts";

/**
 * A program is visible to the members of its group, except drafts, which only admins see. Anyone
 * else gets 404, as if it did not exist.
 */
export async function loadProgram(c: Context<AppEnv>, programId: string): Promise<{ row: ProgramRow; role: GroupRole }> {
  return programAccess(await findProgramForMember(c.env.DB, programId, currentUser(c).id));
}

/** loadProgram's rule on a row read by the caller (programForMemberStatement, in a batch of its own). */
export function programAccess(found: ProgramForMemberRow | null | undefined): { row: ProgramRow; role: GroupRole } {
  if (!found?.member_role) throw notFound("This program");
  const { member_role: role, ...row } = found;
  if (row.status === "draft" && !isGroupAdmin(role)) throw notFound("This program");
  return { row, role };
}
