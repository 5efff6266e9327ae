// Renders the app icons (PNG, for the web app manifest) from the SVGs in assets/, in Chromium.
// Run after changing an SVG: node scripts/make-icons.mjs — the PNGs are committed.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const assets = resolve(import.meta.dirname, '../assets');
const icons = [
  ['icon.svg', 'icons/icon-192.png', 192],
  ['icon.svg', 'icons/icon-512.png', 512],
  ['icon-maskable.svg', 'icons/maskable-512.png', 512],
  ['icon.svg', 'icons/apple-touch-icon.png', 180],
];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (const [svg, png, size] of icons) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const markup = readFileSync(join(assets, svg), 'utf8');
  await page.setContent(`<style>*{margin:0}svg{display:block;width:${size}px;height:${size}px}</style>${markup}`);
  await page.screenshot({ path: join(assets, png), omitBackground: true });
  await page.close();
}
await browser.close();
