// Roles in a group and what each may do, as plain values and pure functions: the worker enforces them,
// the SPA uses the same ones to offer only the actions that will be allowed.

export const GROUP_ROLES = ["owner", "admin", "member"] as const;
export type GroupRole = (typeof GROUP_ROLES)[number];

/** Owners and admins run the group: programs, applicants, pairs, invites, reports. */
export const isGroupAdmin = (role: GroupRole | null | undefined): role is "owner" | "admin" => role === "owner" || role === "admin";

/**
 * May someone with `myRole` give a member with `theirRole` the role `role`? Admins promote members (to
 * admin); only owners change the role of an admin or an owner, and only owners make owners (issue 13).
 */
export function mayChangeRole(myRole: GroupRole, theirRole: GroupRole, role: GroupRole): boolean {
  if (!isGroupAdmin(myRole)) return false;
  return myRole === "owner" || (theirRole === "member" && role !== "owner");
}

/**
 * May someone with `myRole` remove a member with `theirRole` from the group? Admins remove members; only
 * owners remove admins or owners. Anyone may remove themselves (leaving), the last owner excepted, which
 * only the database can tell.
 */
export function mayRemoveMember(myRole: GroupRole, theirRole: GroupRole, themselves = false): boolean {
  if (!isGroupAdmin(myRole)) return false;
  return theirRole === "member" || myRole === "owner" || themselves;
}
