// Collects every Content-Security-Policy violation a page reports. Registered before the first
// navigation, so a blocked script, worker, wasm compile or style during load is caught too; the
// spec then asserts the list is empty.

import type { Page } from '@playwright/test';

export interface CspViolation {
  directive: string;
  blocked: string;
  source: string;
}

declare global {
  interface Window {
    __cspViolations?: CspViolation[];
  }
}

export async function watchCsp(page: Page): Promise<() => Promise<CspViolation[]>> {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations?.push({
        directive: e.effectiveDirective,
        blocked: e.blockedURI,
        source: `${e.sourceFile}:${e.lineNumber}`,
      });
    });
  });
  return () => page.evaluate(() => window.__cspViolations ?? []);
}
