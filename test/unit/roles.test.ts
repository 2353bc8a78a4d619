// The group roles' powers, as one table: the worker enforces these functions and the SPA offers only the
// actions they allow.
import { expect, it } from "vitest";
import { GROUP_ROLES, isGroupAdmin, mayChangeRole, mayRemoveMember, type GroupRole } from "../../shared/rules/roles.ts";

it("makes owners and admins, and nobody else, the group's admins", () => {
  expect(GROUP_ROLES.filter((role) => isGroupAdmin(role))).toEqual(["owner", "admin"]);
  expect(isGroupAdmin(null)).toBe(false);
  expect(isGroupAdmin(undefined)).toBe(false);
});

it("lets admins promote members; only owners change an admin's or an owner's role (issue 13)", () => {
  const allowed: string[] = [];
  for (const me of GROUP_ROLES)
    for (const them of GROUP_ROLES) for (const to of GROUP_ROLES) if (mayChangeRole(me, them, to)) allowed.push(`${me}: ${them}->${to}`);
  const expected: string[] = [];
  for (const them of GROUP_ROLES) for (const to of GROUP_ROLES) expected.push(`owner: ${them}->${to}`);
  for (const to of ["admin", "member"] as GroupRole[]) expected.push(`admin: member->${to}`);
  expect(allowed.sort()).toEqual(expected.sort());
});

it("lets admins remove members, owners remove anyone, and an admin remove themselves", () => {
  expect(mayRemoveMember("member", "member")).toBe(false);
  expect(mayRemoveMember("member", "member", true)).toBe(false);
  expect(mayRemoveMember("admin", "member")).toBe(true);
  expect(mayRemoveMember("admin", "admin")).toBe(false);
  expect(mayRemoveMember("admin", "admin", true)).toBe(true);
  expect(mayRemoveMember("admin", "owner")).toBe(false);
  for (const them of GROUP_ROLES) expect(mayRemoveMember("owner", them)).toBe(true);
});
