// A real browser (issue 5 §7): headless Chromium, driven by playwright-core, opens kiamol ch03's
// numbers-web through `kubesim port-forward` on a real loopback port and clicks Go!. The answer
// depends on what the cluster has behind the name numbers-api: nothing ("RNG service
// unavailable!"), the ClusterIP Service over the api pods ("Here it is: N"), or the book's
// ExternalName Service pointing at raw.githubusercontent.com ("Here it is: 42").
// Chromium: $KUBESIM_CHROMIUM, else Debian's /usr/bin/chromium (.ci/run installs it).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { cluster, corpus, hasCorpus, type TestCluster } from './helpers.js';
import { start, type Running } from './processes.js';

const CHROMIUM = [process.env.KUBESIM_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));
if (!CHROMIUM) console.warn('browser test skipped: no Chromium found (install Debian\'s "chromium" package, or set KUBESIM_CHROMIUM to its path)');
if (!hasCorpus) console.warn('browser test skipped: ../shared/corpus is not here (it uses kiamol ch03\'s own files)');

/** Wait (bounded) until `kubesim curl` from the host gets an answer from the web app. */
async function untilServing(k: TestCluster, url: string): Promise<void> {
  const until = Date.now() + 10_000;
  for (;;) {
    const r = k.run(['curl', '-s', '-o', '/dev/null', '-w', '%{http_code}', url]);
    if (r.stdout === '200') return;
    if (Date.now() > until) throw new Error(`${url} did not answer: ${JSON.stringify(r)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.skipIf(!CHROMIUM || !hasCorpus)('a real browser on port-forwarded numbers-web (kiamol ch03)', () => {
  let k: TestCluster;
  let pf: Running | undefined;
  let browser: Browser | undefined;
  let url = '';
  const cwd = corpus('kiamol', 'ch03');

  beforeAll(async () => {
    k = cluster();
    // Only the web app: the name numbers-api resolves to nothing yet.
    k.ok(['apply', '-f', 'numbers/web.yaml', '-f', 'numbers/web-service.yaml'], { cwd });
    k.ok(['wait', '--for=condition=Ready', 'pod', '-l', 'app=numbers-web']);
    await untilServing(k, 'http://localhost:8080');
    pf = start(k, ['port-forward', 'deploy/numbers-web', '0:80']);
    const port = Number((await pf.waitFor(/^Forwarding from 127\.0\.0\.1:(\d+) -> 80$/m))[1]);
    url = `http://127.0.0.1:${port}/`;
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      timeout: 30_000,
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    pf?.kill();
    k?.cleanup();
  });

  /** Open the page, click Go!, and return what the page says under the button. */
  async function clickGo(): Promise<string> {
    const page = await browser!.newPage();
    try {
      await page.goto(url, { timeout: 15_000 });
      expect(await page.title()).toBe('KIAMOL - Numbers.Web');
      await Promise.all([page.waitForNavigation({ timeout: 15_000 }), page.click('input[type=submit][value="Go!"]')]);
      // The answer is the page's lead paragraph, above "(Using API at: …)".
      expect(await page.locator('main em').innerText()).toBe('(Using API at: http://numbers-api/sixeyed/kiamol/master/ch03/numbers/rng)');
      return (await page.locator('main p.lead').innerText()).trim();
    } finally {
      await page.close();
    }
  }

  it('without a numbers-api Service: "RNG service unavailable!"', async () => {
    expect(await clickGo()).toBe('RNG service unavailable!');
  }, 30_000);

  it('with the api Deployment and its ClusterIP Service: "Here it is: N"', async () => {
    k.ok(['apply', '-f', 'numbers/api.yaml', '-f', 'numbers/api-service.yaml'], { cwd });
    k.ok(['wait', '--for=condition=Ready', 'pod', '-l', 'app=numbers-api']);
    // The api is an ASP.NET app too: it listens a second after its pod is Ready.
    const until = Date.now() + 10_000;
    let said = await clickGo();
    while (said === 'RNG service unavailable!' && Date.now() < until) said = await clickGo();
    expect(said).toMatch(/^Here it is: \d{1,2}$/);
    // Every click is a new call through the Service: still a number each time.
    expect(await clickGo()).toMatch(/^Here it is: \d{1,2}$/);
  }, 30_000);

  it('with the ExternalName Service instead: "Here it is: 42" from raw.githubusercontent.com', async () => {
    k.ok(['delete', 'svc', 'numbers-api']);
    k.ok(['apply', '-f', 'numbers-services/api-service-externalName.yaml'], { cwd });
    expect(k.ok(['get', 'svc', 'numbers-api', '-o', 'jsonpath={.spec.type} {.spec.externalName}'])).toBe('ExternalName raw.githubusercontent.com');
    expect(await clickGo()).toBe('Here it is: 42');
  }, 30_000);

  it('the port-forward served every request from the one pod it bound', () => {
    expect(pf!.stdout()).toMatch(/Handling connection for \d+/);
    expect(pf!.proc.exitCode).toBeNull();
  });
});
