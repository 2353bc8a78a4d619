import { pageError } from "./format.ts";

/** Why a pairing (or a suggestion request) failed, in words an admin can act on (`applicants.errors.<code>`). */
export const pairingError = (error: unknown): string => pageError("applicants", error);
