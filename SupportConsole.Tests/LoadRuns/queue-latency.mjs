// Queue latency load run: time from a case's 201 (accepted) to its row being visible on N open queue pages.
// Usage: BASE=http://127.0.0.1:5351 API_KEY=dev-api-key-change-me APP_PID=<pid> NS=1,10,25 CASES=40 \
//        node SupportConsole.Tests/LoadRuns/queue-latency.mjs
// Needs playwright-core (npm install playwright-core@1.64.1 in a folder on NODE_PATH) and Chromium at /usr/bin/chromium.
import { createRequire } from "module";
import fs from "fs";
const require = createRequire(process.env.PW_DIR ? process.env.PW_DIR + "/" : import.meta.url);
const { chromium } = require("playwright-core");

const BASE = process.env.BASE ?? "http://127.0.0.1:5351";
const KEY = process.env.API_KEY ?? "dev-api-key-change-me";
const NS = (process.env.NS ?? "1,10,25").split(",").map(Number);
const CASES = +(process.env.CASES ?? 40);
const PID = process.env.APP_PID;

const rssKb = () => PID ? +fs.readFileSync(`/proc/${PID}/status`, "utf8").match(/VmRSS:\s+(\d+)/)[1] : NaN;
const pct = (a, p) => { const s = [...a].sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.ceil(p / 100 * s.length) - 1)]; };

const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
const login = await context.newPage();
await login.goto(BASE + "/account/login");
await login.fill("#email", "tier1@supportconsole.local");
await login.fill("#password", "Demo-tier1-1");
await Promise.all([login.waitForURL(/\/queues$/), login.click("#sign-in")]);
await login.close();

async function openPages(n) {
  const pages = [];
  for (let i = 0; i < n; i++) {
    const p = await context.newPage();
    const t0 = Date.now();
    await p.goto(BASE + "/queues");
    await p.waitForSelector("body[data-interactive=true]");
    await p.waitForSelector("#priority-queue");
    pages.push({ p, openMs: Date.now() - t0 });
    // Rows are virtualized (a new case at the tail of a long queue is not in the DOM until scrolled to), so the
    // page records when its header counts first reach each total: the count and the row come from the same render.
    await p.evaluate(() => {
      const total = () => ["#priority-queue-count", "#standard-queue-count"]
        .map(id => +(document.querySelector(id)?.textContent.split(" of ").pop() ?? 0)).reduce((a, b) => a + b, 0);
      window.__seen = { [total()]: 0 };
      new MutationObserver(() => { const t = total(); if (!(t in window.__seen)) window.__seen[t] = Date.now(); })
        .observe(document.body, { childList: true, subtree: true, characterData: true });
    });
  }
  return pages;
}

const mode = process.argv[2] ?? "latency";
if (mode === "first-render") {
  const rssBefore = rssKb();
  const pages = await openPages(1);
  console.log(`first render of /queues (navigation to interactive, ${await pages[0].p.locator(".queue-row").count()} rows rendered): ${pages[0].openMs} ms`);
  const more = await openPages(24);
  await new Promise(r => setTimeout(r, 3000));
  const rssAfter = rssKb();
  console.log(`RSS ${rssBefore} kB -> ${rssAfter} kB with 25 pages: ${((rssAfter - rssBefore) / 25 / 1024).toFixed(2)} MB per connected agent`);
  console.log(`page open p50 ${pct(more.map(x => x.openMs), 50)} ms, p95 ${pct(more.map(x => x.openMs), 95)} ms`);
  await browser.close();
  process.exit(0);
}

for (const n of NS) {
  const rssBefore = rssKb();
  const pages = await openPages(n);
  await new Promise(r => setTimeout(r, 1000));
  const rssAfter = rssKb();
  const latencies = [];
  for (let i = 0; i < CASES; i++) {
    const res = await fetch(BASE + "/api/cases", {
      method: "POST",
      headers: { "Authorization": `Bearer ${KEY}`, "Content-Type": "application/json" },
      body: JSON.stringify({ from: i % 2 ? "bob@acme.example" : "joe@hooli.example", name: "Load", subject: `Load ${n}-${i}`, body: "load run", severity: 3 }),
    });
    const accepted = Date.now();
    await res.json();
    for (const page of pages) {
      const { p } = page;
      page.base ??= Math.min(...Object.keys(await p.evaluate(() => window.__seen)).map(Number));
      const number = page.base + i + 1;
      await p.waitForFunction((num) => window.__seen[num] !== undefined, number, { timeout: 10000 });
      const seenAt = await p.evaluate((num) => window.__seen[num], number);
      latencies.push(Math.max(0, seenAt - accepted));
    }
    await new Promise(r => setTimeout(r, 100));
  }
  console.log(`N=${n}: ${latencies.length} samples, p50 ${pct(latencies, 50)} ms, p95 ${pct(latencies, 95)} ms, max ${Math.max(...latencies)} ms` +
    (PID ? `; RSS +${((rssAfter - rssBefore) / 1024).toFixed(1)} MB for ${n} pages` : ""));
  for (const { p } of pages) await p.close();
  await new Promise(r => setTimeout(r, 1000));
}
await browser.close();
