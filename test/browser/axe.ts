import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from '../daemon/daemon-process';

const AXE_SOURCE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

/**
 * axe-core on the page, its serious and critical violations. The daemon's CSP refuses inline
 * scripts (script-src 'self'), so axe is evaluated through the DevTools protocol, which the page's
 * policy does not govern, rather than added as a script tag.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(`${readFileSync(AXE_SOURCE, 'utf8')}\n;true`);
  const found = await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is evaluated into the page at run time
    const axe = (window as any).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return (result.violations as { id: string; impact: string; nodes: { target: string[] }[] }[]).map(
      (v) => ({
        id: v.id,
        impact: v.impact,
        targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
      }),
    );
  });
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.targets.join(', ')}`);
}
