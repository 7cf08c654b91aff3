// The exported report in a real browser and its diagrams in the real Mermaid: headless
// Chromium renders every Mermaid block of the example's and the hostile fixture's Markdown,
// opens their HTML pages from disk, and prints them to PDF. Run by .ci/run after cargo test:
//   cd tests/browser && npm ci && node --test report.test.mjs
// SCREENSHOT_DIR=docs also writes the picture of the example's report shown in the README.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import chromium from '@sparticuz/chromium';
import puppeteer from 'puppeteer-core';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const require = createRequire(import.meta.url);
const mermaidScript = readFileSync(require.resolve('mermaid/dist/mermaid.min.js'), 'utf8');

const reviews = {
  demo: join(root, 'assets', 'demo.toml'),
  hostile: join(root, 'tests', 'fixtures', 'export', 'hostile.toml'),
};

let browser;
let out;
const files = {};

/// The waterline binary: WATERLINE_BIN, or the debug build (built here if need be).
function binary() {
  if (process.env.WATERLINE_BIN) return process.env.WATERLINE_BIN;
  execFileSync('cargo', ['build', '--quiet', '--locked', '--bin', 'waterline'], { cwd: root, stdio: 'inherit' });
  const meta = JSON.parse(execFileSync('cargo', ['metadata', '--format-version', '1', '--no-deps'], { cwd: root }));
  const bin = join(meta.target_directory, 'debug', 'waterline');
  assert.ok(existsSync(bin), `no waterline binary at ${bin}`);
  return bin;
}

function exportReview(bin, name, format, extra = []) {
  const file = join(out, `${name}${extra.length ? '-redacted' : ''}.${format === 'markdown' ? 'md' : format}`);
  execFileSync(bin, ['export', reviews[name], '--format', format, '-o', file, ...extra], { stdio: ['ignore', 'inherit', 'pipe'] });
  return file;
}

before(async () => {
  out = mkdtempSync(join(tmpdir(), 'waterline-browser-'));
  const bin = binary();
  for (const name of Object.keys(reviews)) {
    files[name] = {
      md: readFileSync(exportReview(bin, name, 'markdown'), 'utf8'),
      html: exportReview(bin, name, 'html'),
      json: JSON.parse(readFileSync(exportReview(bin, name, 'json'), 'utf8')),
      redactedHtml: exportReview(bin, name, 'html', ['--redact']),
    };
  }
  // Generous limits: CI shares two cores with builds, and a slow start is not a failure.
  browser = await puppeteer.launch({
    executablePath: await chromium.executablePath(),
    args: chromium.args,
    headless: true,
    timeout: 180_000,
    protocolTimeout: 300_000,
  });
});

after(async () => {
  await browser?.close();
});

/// Every ```mermaid block of a Markdown text.
function mermaidBlocks(md) {
  return [...md.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
}

/// Renders each block with the real Mermaid; returns each diagram's text, or throws with
/// Mermaid's own message on the first block it cannot parse.
async function newPage() {
  const page = await browser.newPage();
  page.setDefaultTimeout(180_000);
  return page;
}

async function renderMermaid(blocks) {
  const page = await newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.setContent('<!DOCTYPE html><html><body><div id="out"></div></body></html>');
  await page.addScriptTag({ content: mermaidScript });
  const texts = await page.evaluate(async (blocks) => {
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
    const results = [];
    for (const [i, src] of blocks.entries()) {
      await mermaid.parse(src);
      const { svg } = await mermaid.render(`diagram${i}`, src);
      const holder = document.createElement('div');
      holder.innerHTML = svg;
      document.getElementById('out').appendChild(holder);
      const box = holder.querySelector('svg').getBBox();
      results.push({ text: holder.textContent.replace(/\s+/g, ' '), width: box.width, height: box.height });
    }
    return results;
  }, blocks);
  await page.close();
  assert.deepEqual(errors, []);
  return texts;
}

for (const name of ['demo', 'hostile']) {
  test(`every Mermaid block of the ${name} Markdown parses and renders in the real Mermaid`, async () => {
    const blocks = mermaidBlocks(files[name].md);
    assert.equal(blocks.length, 2, 'the whys tree and the factors figure');
    const rendered = await renderMermaid(blocks);
    for (const r of rendered) {
      assert.ok(r.width > 0 && r.height > 0, 'the diagram has a size');
    }
    const review = files[name].json.review;
    for (const why of review.whys) {
      const start = why.text.slice(0, 30).replace(/\s+/g, ' ');
      assert.ok(rendered[0].text.includes(start), `why ${why.id} shown: ${start}`);
    }
    for (const factor of review.factors) {
      assert.ok(rendered[1].text.includes(factor.id), `factor ${factor.id} in the figure`);
    }
  });
}

test('hostile labels render as the text that was typed, not as diagram syntax', async () => {
  const [whys, factors] = await renderMermaid(mermaidBlocks(files.hostile.md));
  assert.ok(whys.text.includes('A label with "quotes", [brackets], {braces}, (parens), <tags>, `ticks`; semicolons; & end'), whys.text);
  assert.ok(whys.text.includes('w1 · end'));
  assert.ok(whys.text.includes('graph TD; A-->B; style A fill:#f00'), whys.text);
  assert.ok(factors.text.includes('f2 · end; classDef x fill:#f00'), factors.text);
});

/// Opens an HTML report from disk and collects what went wrong on the way.
async function open(file, { dark = false } = {}) {
  const page = await newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e}`));
  page.on('dialog', async (d) => { problems.push(`dialog: ${d.message()}`); await d.dismiss(); });
  page.on('request', (r) => { if (r.url() !== pathToFileURL(file).href) problems.push(`request: ${r.url()}`); });
  await page.setViewport({ width: 1200, height: 900 });
  if (dark) await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return { page, problems };
}

for (const [name, kind] of [['demo', 'html'], ['hostile', 'html'], ['demo', 'redactedHtml']]) {
  test(`the ${name} report (${kind}) opens from disk with no error, no request and every diagram drawn`, async () => {
    const { page, problems } = await open(files[name][kind]);
    const svgs = await page.$$eval('svg', (all) => all.map((svg) => {
      const rect = svg.getBoundingClientRect();
      const box = svg.getBBox();
      return { title: svg.querySelector('title')?.textContent ?? '', width: rect.width, height: rect.height, content: box.width * box.height };
    }));
    assert.equal(svgs.length, 3, 'timeline strip, whys tree, factors figure');
    for (const svg of svgs) {
      assert.ok(svg.title.length > 0, 'a title on every diagram');
      assert.ok(svg.width > 0 && svg.height > 0 && svg.content > 0, `${svg.title}: an empty box`);
    }
    const text = (await page.evaluate(() => document.body.innerText)).replace(/\s+/g, ' ');
    if (kind === 'html') {
      const review = files[name].json.review;
      for (const item of [...review.factors, ...review.actions]) {
        const words = item.text.replace(/\s+/g, ' ').trim();
        assert.ok(text.includes(words), `${item.id} is visible: ${words}`);
      }
    }
    await page.close();
    assert.deepEqual(problems, []);
  });
}

test('the demo report prints to a sane number of A4 and Letter pages', async () => {
  const { page, problems } = await open(files.demo.html);
  for (const format of ['A4', 'Letter']) {
    const pdf = Buffer.from(await page.pdf({ format, printBackground: true }));
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    assert.ok(pages >= 3 && pages <= 20, `${format}: ${pages} pages`);
  }
  await page.close();
  assert.deepEqual(problems, []);
});

test('the dark scheme is dark, and the text stays readable', async () => {
  const { page, problems } = await open(files.demo.html, { dark: true });
  const [bg, fg] = await page.evaluate(() => {
    const style = getComputedStyle(document.body);
    return [style.backgroundColor, style.color];
  });
  const luminance = (rgb) => rgb.match(/\d+/g).slice(0, 3).map(Number).reduce((a, b) => a + b, 0) / 3;
  assert.ok(luminance(bg) < 60, `background ${bg}`);
  assert.ok(luminance(fg) > 180, `text ${fg}`);
  if (process.env.SCREENSHOT_DIR) {
    await page.screenshot({ path: join(process.env.SCREENSHOT_DIR, 'export-report-dark.png'), clip: { x: 0, y: 0, width: 1200, height: 900 } });
  }
  await page.close();
  assert.deepEqual(problems, []);
});

// Only defined when asked for, so a normal run has nothing skipped.
if (process.env.SCREENSHOT_DIR) test('a picture of the report', async () => {
  const { page } = await open(files.demo.html);
  await page.setViewport({ width: 1200, height: 1500 });
  const factors = await page.$eval('#h-factors', (h) => h.getBoundingClientRect().top + window.scrollY);
  await page.screenshot({ path: join(process.env.SCREENSHOT_DIR, 'export-report.png'), clip: { x: 0, y: 0, width: 1200, height: 1500 } });
  await page.screenshot({ path: join(process.env.SCREENSHOT_DIR, 'export-report-factors.png'), clip: { x: 0, y: factors - 20, width: 1200, height: 1100 } });
  await page.close();
});
