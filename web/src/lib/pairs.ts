// The mentorships I am part of, for the home page's "Your mentorships".
import type { MyPair } from "../../../shared/api/pairs.ts";
import { api } from "./api.ts";

export type { MyPair };

export async function fetchMyPairs(): Promise<MyPair[]> {
  const { pairs } = await api.get<{ pairs: MyPair[] }>("/pairs");
  return pairs;
}
