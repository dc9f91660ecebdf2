import { accessSync, constants, statSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { PdfAvailabilityDto } from '@architech/contracts';

/** The port through which reports become PDFs; tests and deployments without Chromium swap it. */
export interface PdfRenderer {
  /** Whether PDFs can be made here, and if not, why (the API and the web app show the reason). */
  availability(): PdfAvailabilityDto;
  /** The PDF of a self-contained HTML document. */
  render(html: string): Promise<Buffer>;
}

export const PDF_RENDERER = Symbol('PDF_RENDERER');

/** The flags Chromium runs with: headless, no sandbox (containers), no GPU, nothing that reaches the network on its own. */
export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Headless Chromium at CHROMIUM_PATH, driven by playwright-core: one browser per rendering, an
 * offline context without JavaScript (the report needs neither), A4 with backgrounds. Renderings
 * run one at a time, so a burst of requests queues instead of starting many browsers.
 */
export class ChromiumPdfRenderer implements PdfRenderer {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly executablePath: string,
    private readonly timeoutMs: number,
  ) {}

  availability(): PdfAvailabilityDto {
    try {
      if (!statSync(this.executablePath).isFile()) return { available: false, reason: `PDF reports need headless Chromium: CHROMIUM_PATH (${this.executablePath}) is not a file` };
      accessSync(this.executablePath, constants.X_OK);
      return { available: true };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'is not installed there' : 'cannot be executed';
      return { available: false, reason: `PDF reports need headless Chromium, which ${why} (CHROMIUM_PATH=${this.executablePath}); HTML reports work without it` };
    }
  }

  render(html: string): Promise<Buffer> {
    const next = this.queue.then(() => this.renderNow(html));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async renderNow(html: string): Promise<Buffer> {
    const browser = await chromium.launch({ executablePath: this.executablePath, args: CHROMIUM_FLAGS, timeout: this.timeoutMs });
    const timer = setTimeout(() => void browser.close().catch(() => undefined), this.timeoutMs);
    try {
      const context = await browser.newContext({ offline: true, javaScriptEnabled: false });
      const page = await context.newPage();
      page.setDefaultTimeout(this.timeoutMs);
      await page.setContent(html, { waitUntil: 'load' });
      const pdf = await page.pdf({ format: 'A4', printBackground: true, margin: { top: '14mm', bottom: '14mm', left: '12mm', right: '12mm' } });
      return Buffer.from(pdf);
    } catch (error) {
      if (!browser.isConnected()) throw new Error(`the PDF rendering took longer than ${Math.round(this.timeoutMs / 1000)} s and was stopped`);
      throw error;
    } finally {
      clearTimeout(timer);
      await browser.close().catch(() => undefined);
    }
  }
}
