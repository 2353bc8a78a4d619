// The signed-in person, shared by the whole app. `status` is "loading" until GET /api/me has answered
// once; `user` is null when signed out. Pages read it reactively and call the functions below.
import { batch, createSignal } from "solid-js";
import type { LoginBody, SignupBody, UpdateMeBody, User } from "../../../shared/api/users.ts";
import { api, ApiError } from "./api.ts";

type UserResponse = { user: User };

type SessionState = {
  status: "loading" | "ready" | "error";
  user: User | null;
  /** Why the last session check failed, when `status` is "error" (the API could not be reached). */
  error: ApiError | null;
  /** True after the person signed out on purpose, so guards send them to /signin without a `next`. */
  signedOut: boolean;
};

// One signal per field rather than a store: readers stay as fine-grained, and solid-js/store (2 KB
// gzipped) stays out of the sign-in page's scripts.
const [status, setStatus] = createSignal<SessionState["status"]>("loading");
const [user, setUser] = createSignal<User | null>(null);
const [error, setError] = createSignal<ApiError | null>(null);
const [signedOut, setSignedOut] = createSignal(false);

/** Changes the given fields together, as one update. */
function setState(patch: Partial<SessionState>) {
  batch(() => {
    if (patch.status !== undefined) setStatus(patch.status);
    if (patch.user !== undefined) setUser(patch.user);
    if (patch.error !== undefined) setError(patch.error);
    if (patch.signedOut !== undefined) setSignedOut(patch.signedOut);
  });
}

/** Read-only view of the session; change it only through the functions below. */
export const session: Readonly<SessionState> = {
  get status() {
    return status();
  },
  get user() {
    return user();
  },
  get error() {
    return error();
  },
  get signedOut() {
    return signedOut();
  },
};

function toApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, "network", String(error));
}

/** Asks the API who is signed in. A 401 means signed out; anything else is an error worth a retry. */
export async function loadSession(): Promise<void> {
  setState({ status: "loading", error: null });
  try {
    const { user } = await api.get<UserResponse>("/me");
    setState({ status: "ready", user, error: null });
  } catch (error) {
    const apiError = toApiError(error);
    if (apiError.status === 401) setState({ status: "ready", user: null, error: null });
    else setState({ status: "error", error: apiError });
  }
}

export async function signIn(body: LoginBody): Promise<User> {
  const { user } = await api.post<UserResponse>("/auth/login", body);
  setState({ status: "ready", user, error: null, signedOut: false });
  return user;
}

export async function signUp(body: SignupBody): Promise<User> {
  const { user } = await api.post<UserResponse>("/auth/signup", body);
  setState({ status: "ready", user, error: null, signedOut: false });
  return user;
}

/** Revokes the session on the server first: if that fails, the person is still signed in and is told so. */
export async function signOut(): Promise<void> {
  await api.post<void>("/auth/logout");
  setState({ user: null, signedOut: true });
}

export async function updateProfile(patch: UpdateMeBody): Promise<User> {
  const { user } = await api.patch<UserResponse>("/me", patch);
  setState({ user });
  return user;
}

/** After the account was deleted: signed out on purpose, so guards send the person to /signin without a `next`. */
export function accountDeleted() {
  setState({ user: null, signedOut: true });
}

/** Any request that gets 401 calls this: guards then send the person to sign in and back here afterwards. */
export function sessionExpired() {
  setState({ user: null, signedOut: false });
}
