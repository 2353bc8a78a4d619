// The receiving end of Web Push, as a browser's push service and user agent would do it: holds a
// subscription's private keys, checks the VAPID signature (RFC 8292) and decrypts the aes128gcm payload
// (RFC 8291, RFC 8188). Web Crypto only, so it runs in workerd and in Node alike.

const b64url = {
  encode(bytes: Uint8Array): string {
    let binary = "";
    for (const byte of bytes) binary += String.fromCharCode(byte);
    return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
  },
  decode(text: string): Uint8Array {
    const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/") + "===".slice((text.length + 3) % 4));
    return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
  },
};
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) out.set(part, at), (at += part.length);
  return out;
};
const utf8 = (text: string) => new TextEncoder().encode(text);
/** Web Crypto wants ArrayBuffer-backed views; every array here is one. */
const buf = (bytes: Uint8Array) => bytes as Uint8Array<ArrayBuffer>;

async function hkdf(salt: Uint8Array, ikm: Uint8Array, info: Uint8Array, length: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey("raw", buf(ikm), "HKDF", false, ["deriveBits"]);
  return new Uint8Array(await crypto.subtle.deriveBits({ name: "HKDF", hash: "SHA-256", salt: buf(salt), info: buf(info) }, key, length * 8));
}

export type PushReceiver = {
  /** What the browser would hand to the app: PushSubscription.toJSON(). */
  subscription: { endpoint: string; keys: { p256dh: string; auth: string } };
  /** Checks the request like a push service and decrypts it like the browser. Throws on any fault. */
  open: (request: { headers: Headers; body: Uint8Array }, expect: { vapidPublicKey: string; audience: string }) => Promise<unknown>;
};

export async function createPushReceiver(endpoint: string): Promise<PushReceiver> {
  const keys = (await crypto.subtle.generateKey({ name: "ECDH", namedCurve: "P-256" }, true, ["deriveBits"])) as CryptoKeyPair;
  const uaPublic = new Uint8Array((await crypto.subtle.exportKey("raw", keys.publicKey)) as ArrayBuffer);
  const authSecret = crypto.getRandomValues(new Uint8Array(16));

  async function checkVapid(headers: Headers, expect: { vapidPublicKey: string; audience: string }) {
    const authorization = headers.get("Authorization") ?? "";
    const match = authorization.match(/^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/);
    if (!match) throw new Error(`no VAPID Authorization header: ${authorization}`);
    const [, jwt, k] = match as unknown as [string, string, string];
    if (k !== expect.vapidPublicKey) throw new Error("the VAPID key is not the app's");
    const [header, claims, signature] = jwt.split(".") as [string, string, string];
    const publicKey = await crypto.subtle.importKey("raw", buf(b64url.decode(k)), { name: "ECDSA", namedCurve: "P-256" }, false, ["verify"]);
    const valid = await crypto.subtle.verify({ name: "ECDSA", hash: "SHA-256" }, publicKey, buf(b64url.decode(signature)), buf(utf8(`${header}.${claims}`)));
    if (!valid) throw new Error("the VAPID signature does not verify");
    const payload = JSON.parse(new TextDecoder().decode(b64url.decode(claims))) as { aud: string; exp: number; sub: string };
    if (payload.aud !== expect.audience) throw new Error(`VAPID aud ${payload.aud} is not ${expect.audience}`);
    const now = Date.now() / 1000;
    if (!(payload.exp > now && payload.exp <= now + 24 * 3600 + 60)) throw new Error("VAPID exp is not within 24 hours");
    if (!/^(mailto:|https:)/.test(payload.sub)) throw new Error(`VAPID sub ${payload.sub} is not mailto: or https:`);
  }

  return {
    subscription: { endpoint, keys: { p256dh: b64url.encode(uaPublic), auth: b64url.encode(authSecret) } },
    async open(request, expect) {
      await checkVapid(request.headers, expect);
      if (request.headers.get("Content-Encoding") !== "aes128gcm") throw new Error("Content-Encoding is not aes128gcm");
      if (!request.headers.get("TTL")) throw new Error("no TTL header");
      const body = request.body;
      const salt = body.slice(0, 16);
      const idLength = body[20]!;
      const asPublic = body.slice(21, 21 + idLength);
      const ciphertext = body.slice(21 + idLength);
      const senderKey = await crypto.subtle.importKey("raw", buf(asPublic), { name: "ECDH", namedCurve: "P-256" }, false, []);
      const ecdhSecret = new Uint8Array(
        await crypto.subtle.deriveBits({ name: "ECDH", public: senderKey } as unknown as Parameters<SubtleCrypto["deriveBits"]>[0], keys.privateKey, 256),
      );
      const ikm = await hkdf(authSecret, ecdhSecret, concat(utf8("WebPush: info\0"), uaPublic, asPublic), 32);
      const cek = await hkdf(salt, ikm, utf8("Content-Encoding: aes128gcm\0"), 16);
      const nonce = await hkdf(salt, ikm, utf8("Content-Encoding: nonce\0"), 12);
      const aesKey = await crypto.subtle.importKey("raw", buf(cek), "AES-GCM", false, ["decrypt"]);
      const plain = new Uint8Array(await crypto.subtle.decrypt({ name: "AES-GCM", iv: buf(nonce) }, aesKey, buf(ciphertext)));
      let end = plain.length - 1;
      while (end >= 0 && plain[end] === 0) end--;
      if (plain[end] !== 2) throw new Error("the last record's padding delimiter is not 0x02");
      return JSON.parse(new TextDecoder().decode(plain.slice(0, end)));
    },
  };
}
