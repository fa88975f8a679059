import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { AppError } from '../../errors.ts';

const CHROMIUM = process.env.GCMT_CHROMIUM ?? '/usr/bin/chromium';

/** Debian's Chromium through playwright-core, headless, with no network of its own (also used by the browser tests). */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new AppError('internal', 'this needs Chromium', {
      hint: `apt-get install chromium, or set GCMT_CHROMIUM (looked for ${CHROMIUM})`,
    });
  }
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/** Prints HTML to PDF with Debian's Chromium through playwright-core (no browser download). */
export async function htmlToPdf(html: string): Promise<Buffer> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    // Nothing in a review needs the network: block it so document text can never fetch anything.
    await page.route('**/*', (route) =>
      route.request().url().startsWith('data:') ? route.continue() : route.abort(),
    );
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({
      format: 'A4',
      margin: { top: '2cm', bottom: '2cm', left: '2cm', right: '2cm' },
      printBackground: true,
    });
  } finally {
    await browser.close();
  }
}
