// Lets a page behave like a messaging app on a phone: the page itself never scrolls, its own list is the
// only scroller, and the bottom of the page follows the visible part of the screen, also while the
// on-screen keyboard covers part of it. The layout viewport does not shrink for the keyboard on every
// browser (iOS Safari, Chrome's default), but the visual viewport does, so its size and offset drive CSS.
import { onCleanup, onMount } from "solid-js";

/** Below this share of the window's height the keyboard (or something like it) is taken to be open. */
const KEYBOARD_SHARE = 0.78;

/**
 * While the calling component is mounted, `<html>` carries `app-viewport` and the custom properties
 * `--vv-height` and `--vv-top` (the visual viewport), and `keyboard-open` while the keyboard is up.
 * The page's CSS decides at which widths to use them.
 */
export function useAppViewport() {
  onMount(() => {
    const root = document.documentElement;
    const viewport = window.visualViewport;
    const update = () => {
      const height = viewport?.height ?? window.innerHeight;
      root.style.setProperty("--vv-height", `${Math.round(height)}px`);
      root.style.setProperty("--vv-top", `${Math.round(viewport?.offsetTop ?? 0)}px`);
      root.classList.toggle("keyboard-open", height < window.innerHeight * KEYBOARD_SHARE);
    };
    root.classList.add("app-viewport");
    update();
    viewport?.addEventListener("resize", update);
    viewport?.addEventListener("scroll", update);
    window.addEventListener("resize", update);
    onCleanup(() => {
      viewport?.removeEventListener("resize", update);
      viewport?.removeEventListener("scroll", update);
      window.removeEventListener("resize", update);
      root.classList.remove("app-viewport", "keyboard-open");
      root.style.removeProperty("--vv-height");
      root.style.removeProperty("--vv-top");
    });
  });
}
