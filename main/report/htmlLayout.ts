import { escapeHtml } from './format'

/** Print-friendly, self-contained styles: system fonts, no web fonts, no images. */
const STYLE = `
body { font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: #1b1b1b; background: #fff; margin: 2rem auto; max-width: 1100px; padding: 0 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; border-bottom: 2px solid #1f5fa8; padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
h4 { font-size: .95rem; margin: 1rem 0 .3rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid #d0d0d0; padding: .25rem .45rem; text-align: left; vertical-align: top; }
th { background: #eef2f7; }
tr { break-inside: avoid; }
code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 11px; }
pre { background: #f6f6f6; border: 1px solid #e0e0e0; padding: .6rem; white-space: pre-wrap; word-break: break-all; }
figure { margin: 1rem 0; break-inside: avoid; }
.muted { color: #666; }
.meta { color: #444; margin-bottom: 1.5rem; }
.delta { color: #555; font-size: .9em; }
.delta.big { color: #b03a2e; font-weight: 600; }
@media print { body { margin: 0; max-width: none; padding: 0; } h2 { break-after: avoid; } section { break-inside: auto; } }
`

export interface PageMeta {
  title: string
  generatedAt: string
  appVersion: string
  simulatorVersion: string
}

export function page(meta: PageMeta, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Memwall Workbench ${escapeHtml(meta.appVersion)}">
<title>${escapeHtml(meta.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(meta.title)}</h1>
<p class="meta">Generated ${escapeHtml(meta.generatedAt)} by Memwall Workbench ${escapeHtml(meta.appVersion)}, simulator ${escapeHtml(meta.simulatorVersion)}.</p>
${body}
</body>
</html>
`
}

export function section(title: string, body: string): string {
  return `<section><h2>${escapeHtml(title)}</h2>${body}</section>\n`
}

/** A table of already-escaped cells. */
export function table(headers: string[], rows: string[][]): string {
  const head = headers.some((h) => h !== '')
    ? `<thead><tr>${headers.map((h) => `<th>${h}</th>`).join('')}</tr></thead>`
    : ''
  return `<table>${head}<tbody>${rows.map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('')}</tbody></table>`
}
