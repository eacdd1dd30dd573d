/**
 * The whole stylesheet. Colours are the French State's "bleu France" and greys, with at least
 * 7:1 contrast for text and a thick focus outline that never depends on colour alone (RGAA 3.2, 10.7).
 */
export const stylesheet = `
:root { --ink: #161616; --muted: #3a3a3a; --link: #000091; --line: #929292; --paper: #ffffff; --soft: #f6f6f6; --alert: #a4000e; }
* { box-sizing: border-box; }
html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Marianne", Arial, sans-serif; font-size: 100%; line-height: 1.5; color: var(--ink); background: var(--paper); }
/* Long words and addresses people write wrap rather than scroll the page sideways on a phone (WCAG 1.4.10). */
body { margin: 0; overflow-wrap: anywhere; }
a { color: var(--link); text-underline-offset: 0.15em; }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--ink); outline-offset: 2px; box-shadow: 0 0 0 5px #fff; }
.skip-link { position: absolute; left: 0.5rem; top: -4rem; background: var(--paper); padding: 0.5rem 1rem; border: 2px solid var(--ink); z-index: 10; }
.skip-link:focus { top: 0.5rem; }
.site-header, .site-footer { background: var(--soft); border-bottom: 1px solid var(--line); }
.site-footer { border-top: 1px solid var(--line); border-bottom: 0; margin-top: 3rem; color: var(--muted); }
.wrap { max-width: 60rem; margin: 0 auto; padding: 1rem; }
.brand { margin: 0; font-size: 1.5rem; }
.tagline { margin: 0 0 0.5rem; color: var(--muted); }
.bar { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-end; justify-content: space-between; }
nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 1.25rem; }
nav a { font-weight: 600; }
nav a[aria-current="page"] { text-decoration-thickness: 3px; }
form.search { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: flex-end; }
label { display: block; font-weight: 600; }
input, select, button { font: inherit; color: var(--ink); border: 1px solid var(--muted); border-radius: 0.25rem; padding: 0.35rem 0.5rem; background: var(--paper); }
button { background: var(--link); color: #fff; border-color: var(--link); cursor: pointer; }
.hint { font-size: 0.875rem; color: var(--muted); margin: 0.25rem 0 0; }
.language a { font-weight: 600; }
main { display: block; }
main:focus { outline: none; }
h1 { font-size: 2rem; line-height: 1.2; }
ul.cards { list-style: none; padding: 0; }
ul.cards > li { border-top: 1px solid var(--line); padding: 0.75rem 0; }
.card-title { font-size: 1.125rem; margin: 0 0 0.25rem; }
.meta { color: var(--muted); margin: 0; }
.tags { list-style: none; padding: 0; margin: 0.25rem 0 0; display: flex; flex-wrap: wrap; gap: 0.5rem; }
.tip-text { white-space: pre-line; overflow-wrap: anywhere; }
.status-cancelled { color: var(--alert); font-weight: 700; }
.online { font-weight: 700; }
.filters { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-end; margin: 1rem 0; }
dl.facts { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0.25rem 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
code.feed { overflow-wrap: anywhere; background: var(--soft); padding: 0.1rem 0.3rem; }
mark { background: #ffe552; color: var(--ink); }
.badge { display: inline-block; font-size: 0.8125rem; font-weight: 600; line-height: 1.4; padding: 0 0.4rem; border: 1px solid currentColor; border-radius: 0.25rem; vertical-align: middle; white-space: nowrap; }
.badge-verified { color: #18753c; }
.badge-resource { color: var(--link); }
.resource-url { overflow-wrap: anywhere; }
.pagination ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.5rem; }
.pagination a { display: inline-block; min-width: 2.75rem; min-height: 2.75rem; padding: 0.5rem; text-align: center; }
.pagination a[aria-current="page"] { font-weight: 700; text-decoration-thickness: 3px; }
/* Phones: the header takes a line or two, not the whole first screen. */
@media (max-width: 40rem) {
  .site-header .wrap { padding: 0.5rem 1rem; }
  .brand { font-size: 1.25rem; }
  .tagline, .search .hint { display: none; }
  .bar { gap: 0.5rem; }
  nav ul { gap: 0.75rem; }
  form.search { flex: 1 1 100%; }
  form.search > div { flex: 1; }
  form.search input { width: 100%; }
  form.search label { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  h1 { font-size: 1.5rem; }
}
@media (prefers-reduced-motion: no-preference) { a { transition: text-decoration-thickness 0.1s; } }
`;
