// The home page's list of the groups I belong to.
import type { GroupFocus, GroupRole, MyGroup } from "../../../shared/api/groups.ts";
import { api, ApiError } from "./api.ts";

export type { GroupFocus, GroupRole };
export type GroupSummary = MyGroup;

export async function fetchMyGroups(): Promise<GroupSummary[]> {
  try {
    const { groups } = await api.get<{ groups: GroupSummary[] }>("/groups");
    return groups;
  } catch (error) {
    // While GET /api/groups was being built the API's catch-all answered 404: that means no groups.
    if (error instanceof ApiError && error.status === 404) return [];
    throw error;
  }
}
