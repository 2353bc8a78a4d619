import { onMount, type JSX } from "solid-js";

let firstPage = true;

/**
 * The page's <h1>. After a client-side navigation it takes focus, so keyboard and screen reader users
 * start at the new page's title instead of wherever the old page left them. On the first page load the
 * browser's own focus handling is left alone.
 */
export function PageHeading(props: { children: JSX.Element; class?: string }) {
  let heading!: HTMLHeadingElement;
  onMount(() => {
    if (firstPage) {
      firstPage = false;
      return;
    }
    heading.focus({ preventScroll: false });
  });
  return (
    <h1 ref={heading} tabindex="-1" class={`page-heading ${props.class ?? ""}`}>
      {props.children}
    </h1>
  );
}
