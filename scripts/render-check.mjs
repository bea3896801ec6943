// npm run render:check: every golden rendering (__tests__/present/rendered/, held equal to the code by
// golden.test.ts) as GitHub would show it: Markdown through cmark-gfm (GitHub's own parser) to HTML, the
// terminal and --json outputs as preformatted text, and an index page. With --screenshots, a PNG of each page
// by headless Chromium. Output: reports/render/. Needs cmark-gfm (and chromium for --screenshots):
//   sudo apt-get install cmark-gfm chromium fonts-noto-color-emoji
// (without an emoji font Chromium draws the reports' ✅ / ❌ / ⚠️ as empty boxes, and a failed check looks like a
// passed one in the screenshots)
import { spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const from = join(root, '__tests__/present/rendered')
const to = join(root, 'reports/render')
const screenshots = process.argv.includes('--screenshots')

function need(tool, why) {
  const found = spawnSync(tool, ['--version'], { encoding: 'utf8' })
  if (found.error) {
    console.error(`render:check: ${tool} is not installed (${why}). Install it: sudo apt-get install ${tool}`)
    process.exit(2)
  }
}
need('cmark-gfm', 'it renders Markdown as GitHub does')
if (screenshots) need('chromium', 'it takes the screenshots')

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
// close to github.com's own rendering: the width of a comment, bordered tables, code on grey
const STYLE = `body{font:14px/1.5 -apple-system,"Segoe UI",Helvetica,Arial,sans-serif,"Noto Color Emoji";max-width:860px;margin:16px auto;padding:0 16px;color:#1f2328}
table{border-collapse:collapse;display:block;overflow:auto;max-width:100%}td,th{border:1px solid #d1d9e0;padding:4px 10px}
code{background:#eff1f3;border-radius:4px;padding:.1em .3em;font-size:85%}pre{background:#f6f8fa;padding:12px;overflow:auto}
pre code{background:none;padding:0}a{color:#0969da;text-decoration:none}blockquote{color:#59636e;border-left:3px solid #d1d9e0;margin:0;padding:0 12px}
details{margin:8px 0}summary{cursor:pointer}`
const page = (title, body) =>
  `<!doctype html><meta charset="utf-8"><title>${escape(title)}</title><style>${STYLE}</style>\n${body}\n`

rmSync(to, { recursive: true, force: true })
mkdirSync(to, { recursive: true })
const pages = []
for (const name of readdirSync(from).sort()) {
  const text = readFileSync(join(from, name), 'utf8')
  let body
  if (name.endsWith('.md')) {
    // the extensions github.com enables; tagfilter drops the raw HTML GitHub drops
    const r = spawnSync(
      'cmark-gfm',
      [
        '--extension',
        'table',
        '--extension',
        'autolink',
        '--extension',
        'strikethrough',
        '--extension',
        'tagfilter',
        '--unsafe'
      ],
      { input: text, encoding: 'utf8' }
    )
    if (r.status !== 0) {
      console.error(`render:check: cmark-gfm failed on ${name}: ${r.stderr}`)
      process.exit(1)
    }
    body = r.stdout
  } else body = `<pre>${escape(text)}</pre>`
  const html = `${name}.html`
  writeFileSync(join(to, html), page(name, body))
  pages.push({ name, html })
  if (screenshots) {
    const png = join(to, `${name}.png`)
    const shot = spawnSync(
      'chromium',
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--hide-scrollbars',
        `--screenshot=${png}`,
        '--window-size=900,1400',
        `file://${join(to, html)}`
      ],
      { encoding: 'utf8' }
    )
    if (shot.status !== 0)
      console.error(`render:check: no screenshot of ${name}: ${shot.stderr.trim().split('\n').at(-1)}`)
  }
}
writeFileSync(
  join(to, 'index.html'),
  page(
    'baseline-gate renderings',
    `<h1>Every surface, as GitHub shows it</h1><ul>${pages.map((p) => `<li><a href="${p.html}">${escape(p.name)}</a></li>`).join('')}</ul>`
  )
)
console.log(
  `render:check: ${pages.length} renderings in ${to}/index.html${screenshots ? ' (with screenshots)' : ''}`
)
