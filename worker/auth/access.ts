import type { Context } from "hono";
import { isGroupAdmin, type GroupRole } from "../../shared/api/groups.ts";
import type { AppEnv } from "../env.ts";
import { findProgram, type ProgramRow } from "../db/programs.ts";
import { requireMember } from "../db/groups.ts";
import { notFound } from "../http/errors.ts";
import { currentUser } from "./session.ts";

/**
 * A program is visible to the members of its group, except drafts, which only admins see. Anyone
 * else gets 404, as if it did not exist.
 */
export async function loadProgram(c: Context<AppEnv>, programId: string): Promise<{ row: ProgramRow; role: GroupRole }> {
  const row = await findProgram(c.env.DB, programId);
  if (!row) throw notFound("This program");
  const role = await requireMember(c.env.DB, row.group_id, currentUser(c).id).catch(() => {
    throw notFound("This program");
  });
  if (row.status === "draft" && !isGroupAdmin(role)) throw notFound("This program");
  return { row, role };
}
