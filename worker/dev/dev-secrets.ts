// Development secrets for the notification pipeline: VAPID keys for Web Push and the key that signs
// unsubscribe links. `npm start` writes them into .dev.vars on its first run; the tests and the
// benchmarks make their own.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { webcrypto } from "node:crypto";

const b64url = (bytes: ArrayBuffer | Uint8Array) => Buffer.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)).toString("base64url");

export type DevSecrets = { VAPID_PUBLIC_KEY: string; VAPID_PRIVATE_KEY: string; NOTIFY_SIGNING_KEY: string };

export async function generateDevSecrets(): Promise<DevSecrets> {
  const pair = await webcrypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign", "verify"]);
  const publicRaw = await webcrypto.subtle.exportKey("raw", pair.publicKey);
  const privateJwk = await webcrypto.subtle.exportKey("jwk", pair.privateKey);
  return {
    VAPID_PUBLIC_KEY: b64url(publicRaw),
    VAPID_PRIVATE_KEY: privateJwk.d!,
    NOTIFY_SIGNING_KEY: b64url(webcrypto.getRandomValues(new Uint8Array(32))),
  };
}

/** Adds whichever of the secrets .dev.vars lacks; never changes one that is there. Returns the names added. */
export async function ensureDevVars(root: string): Promise<string[]> {
  const file = join(root, ".dev.vars");
  const current = existsSync(file) ? readFileSync(file, "utf8") : "";
  const present = new Set(current.split("\n").map((line) => line.split("=")[0]!.trim()));
  const secrets = await generateDevSecrets();
  const missing = (Object.keys(secrets) as (keyof DevSecrets)[]).filter((name) => !present.has(name));
  if (!missing.length) return [];
  const lines = missing.map((name) => `${name}=${secrets[name]}`);
  // The two VAPID halves belong together: never write one beside an unrelated other.
  if (missing.includes("VAPID_PUBLIC_KEY") !== missing.includes("VAPID_PRIVATE_KEY")) {
    throw new Error(".dev.vars has only one of VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY: remove it and run npm start again.");
  }
  writeFileSync(file, `${current && !current.endsWith("\n") ? `${current}\n` : current}# Written by npm start for local development\n${lines.join("\n")}\n`);
  return missing;
}

// `npx node worker/dev/dev-secrets.ts` prints a fresh set, e.g. for `wrangler secret put`.
if (process.argv[1] && import.meta.filename === process.argv[1]) {
  for (const [name, value] of Object.entries(await generateDevSecrets())) console.log(`${name}=${value}`);
}
