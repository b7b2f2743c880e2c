// Two-instance load run: intake through both instances (API and SMTP), 100 agent queue pages open on instance B,
// and instance A killed with SIGKILL mid-run. Start the instances with SupportConsole/Deployment/two-instances.sh, then:
//   A=http://127.0.0.1:5001 B=http://127.0.0.1:5002 SMTP_A=2525 SMTP_B=2526 A_PID=$(cat db/two-instances/a.pid) \
//   PW_DIR=/path/with/node_modules/playwright-core node SupportConsole.Tests/LoadRuns/two-instance-load.mjs
// Optional: PAGES (100), PACED (40), INTERVAL_MS (250, between paced cases), CASES (300), CONCURRENCY (8), MOTION=reduce.
// Phase 1 paces cases into A and times each from its acceptance (API 201, SMTP 250) to its row on B's pages.
// Phase 2 sends CASES cases as fast as CONCURRENCY clients can through both instances, kills A a third of the way,
// retries what failed on B (same Idempotency-Key, same Message-ID), and then checks every case is stored exactly once.
import { createRequire } from "module";
import net from "net";
const require = createRequire(process.env.PW_DIR ? process.env.PW_DIR + "/" : import.meta.url);
const { chromium } = require("playwright-core");

const A = process.env.A ?? "http://127.0.0.1:5001", B = process.env.B ?? "http://127.0.0.1:5002";
const SMTP = { [A]: +(process.env.SMTP_A ?? 2525), [B]: +(process.env.SMTP_B ?? 2526) };
const KEY = process.env.API_KEY ?? "dev-api-key-change-me";
const PAGES = +(process.env.PAGES ?? 100), PACED = +(process.env.PACED ?? 40), CASES = +(process.env.CASES ?? 300);
const CONCURRENCY = +(process.env.CONCURRENCY ?? 8), A_PID = process.env.A_PID, INTERVAL = +(process.env.INTERVAL_MS ?? 250);
const RUN = Math.random().toString(36).slice(2, 8);
const pct = (a, p) => { const s = [...a].sort((x, y) => x - y); return s[Math.max(0, Math.ceil(p / 100 * s.length) - 1)]; };
const sleep = ms => new Promise(r => setTimeout(r, ms));

async function postApi(base, i, tag) {
  const r = await fetch(base + "/api/cases", {
    method: "POST",
    headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json", "idempotency-key": `${RUN}-${tag}-${i}` },
    body: JSON.stringify({ from: "ann@acme.example", subject: `Load ${RUN} ${tag} ${i}`, body: `Case ${i} of run ${RUN}.` }),
  });
  if (r.status >= 500) throw new Error(`HTTP ${r.status}`);
  if (!r.ok) throw new Error(`refused ${r.status} ${await r.text()}`);
  return (await r.json()).number;
}

// A minimal SMTP client: one message per connection; resolves on the 250 that accepts the DATA.
function sendSmtp(base, i, tag) {
  return new Promise((resolve, reject) => {
    const socket = net.connect(SMTP[base], "127.0.0.1");
    const id = `<${RUN}-${tag}-${i}@load.example>`;
    const steps = ["EHLO load.example", "MAIL FROM:<ann@acme.example>", "RCPT TO:<support@supportconsole.local>", "DATA",
      `From: Ann <ann@acme.example>\r\nTo: support@supportconsole.local\r\nSubject: Load ${RUN} ${tag} ${i}\r\nMessage-ID: ${id}\r\nDate: ${new Date().toUTCString()}\r\n\r\nCase ${i} of run ${RUN}.\r\n.`, "QUIT"];
    let step = -1, buffer = "";
    socket.setTimeout(120000, () => socket.destroy(new Error("timeout")));
    socket.on("data", d => {
      buffer += d.toString();
      const lines = buffer.split("\r\n"); buffer = lines.pop();
      for (const line of lines) {
        if (/^\d{3}-/.test(line)) continue;
        const code = +line.slice(0, 3);
        if (code >= 400) { socket.destroy(); return reject(new Error(`SMTP ${line}`)); }
        if (step === 4) { resolve(id); }
        step++;
        if (step < steps.length) socket.write(steps[step] + "\r\n"); else socket.end();
      }
    });
    socket.on("error", reject);
    socket.on("close", () => { if (step < 5) reject(new Error("closed")); });
  });
}

// ---- 100 agent pages on B
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
// MOTION=reduce opens the pages as an agent who asked for less motion would (the app then drops its highlight
// animations and MudBlazor's transitions), so that 100 renderers on the same 2 cores measure the server and the bus
// rather than Chromium's animation frames.
const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, reducedMotion: process.env.MOTION === "reduce" ? "reduce" : "no-preference" });
const login = await context.newPage();
await login.goto(B + "/account/login");
await login.fill("#email", "tier1@supportconsole.local");
await login.fill("#password", "Demo-tier1-1");
await Promise.all([login.waitForURL(/\/queues$/), login.click("#sign-in")]);
await login.close();
const pages = [];
for (let i = 0; i < PAGES; i++) {
  const p = await context.newPage();
  await p.goto(B + "/queues");
  await p.waitForSelector("body[data-interactive=true]");
  await p.waitForSelector("#priority-queue-count");
  // Each page notes when the priority count first reaches each value (rows are virtualized; count and rows render together).
  await p.evaluate(() => {
    const count = () => +(document.querySelector("#priority-queue-count")?.textContent.split(" of ").pop() ?? 0);
    window.__seen = { [count()]: Date.now() };
    new MutationObserver(() => { const c = count(); if (!(c in window.__seen)) window.__seen[c] = Date.now(); })
      .observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  pages.push(p);
}
console.log(`${PAGES} queue pages open on B`);
const baseCount = Math.min(...await Promise.all(pages.map(p => p.evaluate(() => Math.max(...Object.keys(window.__seen ?? { 1e9: 0 }).map(Number))))));

// ---- Phase 1: paced intake into A, visibility on B
const accepted = [];
for (let i = 0; i < PACED; i++) {
  const t0 = Date.now();
  if (i % 2 === 0) await postApi(A, i, "paced"); else await sendSmtp(A, i, "paced");
  accepted.push(Date.now());
  await sleep(Math.max(0, INTERVAL - (Date.now() - t0)));
}
await sleep(3000);
const latencies = [];
let reloaded = 0;
for (const p of pages) {
  const seen = await p.evaluate(() => window.__seen);
  if (!seen) { reloaded++; continue; } // the page reloaded (its circuit was lost): it no longer holds its observations
  // Case k is visible once the count first reaches baseCount + k (one render may carry several cases).
  const entries = Object.entries(seen).map(([c, at]) => [+c, at]);
  for (let k = 1; k <= PACED; k++) {
    const times = entries.filter(([c]) => c >= baseCount + k).map(([, at]) => at);
    if (times.length) latencies.push(Math.min(...times) - accepted[k - 1]);
  }
}
console.log(`phase 1: ${PACED} cases into A, one every ${INTERVAL} ms (half API, half SMTP), ${latencies.length} of ${PACED * PAGES} page sightings on B (${reloaded} pages reloaded);` +
  ` acceptance to visible p50 ${pct(latencies, 50)} ms, p95 ${pct(latencies, 95)} ms, max ${Math.max(...latencies)} ms`);

// ---- Phase 2: throughput through both, A killed a third of the way
let next = 0, done = 0, retried = 0, killedAt = null;
const results = new Map();
const t0 = Date.now();
async function worker(w) {
  for (let i; (i = next++) < CASES;) {
    const viaSmtp = i % 3 === 2;
    const first = (i % 2 === 0 && killedAt === null) ? A : B;
    const send = base => viaSmtp ? sendSmtp(base, i, "bulk") : postApi(base, i, "bulk");
    try { results.set(i, await send(first)); }
    catch {
      // Retried on B, as a client or a mail server would, a few times with a pause (same key, same Message-ID).
      retried++;
      for (let attempt = 1; ; attempt++) {
        try { results.set(i, await send(B)); break; }
        catch (e) { if (attempt === 5) throw e; await sleep(2000 * attempt); }
      }
    }
    if (++done === Math.floor(CASES / 3) && A_PID) { process.kill(+A_PID, "SIGKILL"); killedAt = Date.now() - t0; }
  }
}
await Promise.all(Array.from({ length: CONCURRENCY }, (_, w) => worker(w)));
const seconds = (Date.now() - t0) / 1000;
console.log(`phase 2: ${CASES} cases (2/3 API, 1/3 SMTP) in ${seconds.toFixed(1)} s = ${(CASES / seconds).toFixed(1)} cases/s committed;` +
  ` A killed (SIGKILL) at ${killedAt} ms, ${retried} sends retried on B`);

// ---- Every case exactly once
const stored = new Map();
for (let page = 1; ; page++) {
  const r = await (await fetch(`${B}/api/cases?q=${RUN}&pageSize=100&page=${page}&sort=oldest`, { headers: { authorization: `Bearer ${KEY}` } })).json();
  for (const c of r.items) stored.set(c.subject, (stored.get(c.subject) ?? 0) + 1);
  if (page * 100 >= r.total) break;
}
const expected = [...Array(PACED).keys()].map(i => `Load ${RUN} paced ${i}`).concat([...Array(CASES).keys()].map(i => `Load ${RUN} bulk ${i}`));
const missing = expected.filter(s => !stored.has(s)), duplicated = [...stored].filter(([, n]) => n > 1);
console.log(`stored: ${stored.size} distinct subjects of ${expected.length} sent; missing ${missing.length}, duplicated ${duplicated.length}`);
if (missing.length) console.log("missing:", missing.slice(0, 10));
await browser.close();
process.exit(missing.length || duplicated.length ? 1 : 0);
