// Apart from push.ts so that the entry chunk, which registers the worker on every page, does not carry
// the push subscription code that only the settings page uses.

/** Registers the app's service worker (also the installed app's worker). Harmless to call again. */
export async function registerServiceWorker(): Promise<ServiceWorkerRegistration | null> {
  if (!("serviceWorker" in navigator)) return null;
  return navigator.serviceWorker.register("/sw.js", { scope: "/" });
}
