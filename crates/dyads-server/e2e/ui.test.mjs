// Browser tests of the dyads web UI against a running `dyads serve` on a
// store of the repository's examples/ (run.sh sets it up).
//
//   DYADS_URL=http://127.0.0.1:PORT CHROMIUM=/usr/bin/chromium E2E_OUT=DIR node ui.test.mjs
//
// Each test loads a view, checks that what the API holds appears on the
// page, that there are no console errors, page errors, failed requests or
// Content-Security-Policy violations, and saves a screenshot to
// $E2E_OUT/screenshots/<view>.png. The expected content is read from the
// API, never written into the test.
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

const base = (process.env.DYADS_URL || "").replace(/\/$/, "");
if (!base) {
  console.error("DYADS_URL is not set (run.sh starts a server and sets it)");
  process.exit(2);
}
const outDir = process.env.E2E_OUT || "target/e2e";
const shots = join(outDir, "screenshots");
mkdirSync(shots, { recursive: true });
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";
const serverPid = Number(process.env.DYADS_SERVER_PID || 0);
const only = process.env.E2E_ONLY || "";

function fail(msg) {
  throw new Error(msg);
}
function assert(cond, msg) {
  if (!cond) fail(msg);
}

async function api(path) {
  const resp = await fetch(base + "/api/" + path);
  if (!resp.ok) fail(`GET /api/${path}: HTTP ${resp.status}`);
  return resp.json();
}

/** Waits until the server answers (it may still be opening the store). */
async function waitForServer() {
  const deadline = Date.now() + 60_000;
  let last = null;
  while (Date.now() < deadline) {
    if (serverPid) {
      try {
        process.kill(serverPid, 0);
      } catch {
        fail("the server exited before answering (see server.log)");
      }
    }
    try {
      const r = await fetch(base + "/api/stats");
      if (r.ok) return;
      last = `HTTP ${r.status}`;
    } catch (e) {
      last = e.cause ? e.cause.code || e.message : e.message;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  fail(`server at ${base} did not answer within 60 s (${last})`);
}

/** Collects everything that counts as a page problem. */
function watch(page) {
  const problems = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`console error: ${msg.text()}`);
  });
  page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
  page.on("requestfailed", (req) => {
    const f = req.failure();
    problems.push(`request failed: ${req.url()} (${f ? f.errorText : "?"})`);
  });
  page.on("response", (resp) => {
    if (resp.status() >= 400) problems.push(`HTTP ${resp.status()} for ${resp.url()}`);
  });
  return problems;
}

async function cspViolations(page) {
  return page.evaluate(() => window.__cspViolations || []);
}

/** Opens a route (#/...) and waits for the view to finish loading. */
async function open(page, route) {
  await page.goto(`${base}/#${route}`);
  await settle(page);
}

async function settle(page) {
  await page.waitForFunction(() => {
    const app = document.getElementById("app");
    return app && !app.querySelector(".loading") && app.children.length > 0;
  });
  const err = await page.$("#app .error");
  if (err) fail(`the view shows an error: ${(await err.innerText()).trim()}`);
  // Nothing that a missing field would print.
  const junk = await page.$eval("#app", (app) => (app.innerText.match(/\b(null|undefined|NaN)\b|\[object \w+\]/) || [null])[0]);
  if (junk) fail(`the view shows "${junk}"`);
}

async function text(page, selector) {
  const el = await page.waitForSelector(selector);
  return (await el.innerText()).trim();
}

async function shot(page, name) {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

// ---- the tests -------------------------------------------------------

test("dashboard", async (page) => {
  const stats = await api("stats");
  assert(stats.documents > 0 && stats.records > 0, "the examples store is empty");
  await open(page, "/");
  assert((await text(page, "h1")) === "Dashboard", "no Dashboard heading");
  const tiles = await page.$$eval(".tile", (els) =>
    els.map((e) => `${e.querySelector(".tile-n").textContent} ${e.querySelector(".tile-label").textContent}`),
  );
  assert(tiles.some((t) => t === `${stats.documents.toLocaleString("en-US")} Documents`), `documents tile missing: ${tiles}`);
  assert(tiles.some((t) => t === `${stats.records.toLocaleString("en-US")} Event records`), `records tile missing: ${tiles}`);
  const stories = (await api("stories?limit=500")).items;
  const titles = await page.$$eval("a[href^='#/story/']", (els) => els.map((e) => e.textContent));
  assert(titles.length === Math.min(12, stories.length), `expected ${Math.min(12, stories.length)} story links, got ${titles.length}`);
  assert(titles.every((t) => stories.some((s) => s.title === t)), "a story link is not a stored story");
  const top = (await api("dyads/top?limit=12")).items;
  const dyadLinks = await page.$$eval("a[href^='#/dyad/']", (els) => els.length);
  assert(dyadLinks === top.length && top.length > 0, `expected ${top.length} dyad rows, got ${dyadLinks}`);
  const contra = await api("contradictions?limit=20");
  const contraLinks = await page.$$eval("section.panel:last-of-type a[href^='#/record/']", (els) => els.length);
  assert(contraLinks === contra.items.length, `${contraLinks} contradictions listed for ${contra.items.length}`);
  // Sorting a table by a header reverses its order.
  const firstHeader = await page.$(".panel table.data th");
  const before = await page.$$eval(".panel table.data tbody tr td:first-child", (els) => els.slice(0, 12).map((e) => e.textContent));
  await firstHeader.click();
  const after = await page.$$eval(".panel table.data tbody tr td:first-child", (els) => els.slice(0, 12).map((e) => e.textContent));
  assert(before.length > 1 && JSON.stringify(before) !== JSON.stringify(after), "clicking a header did not re-sort");
  await firstHeader.click();
  await shot(page, "dashboard");
});

test("story, then record, then source document", async (page) => {
  const stories = (await api("stories?limit=500")).items;
  const story = stories.slice().sort((a, b) => b.records - a.records)[0];
  const full = await api(`stories/${story.id}`);
  await open(page, `/story/${story.id}`);
  assert((await text(page, "h1")) === story.title, "story title not shown");
  const tl = await page.$$eval("ol.timeline a.tl-event", (els) => els.length);
  assert(tl === full.timeline.length, `timeline shows ${tl} records, the story has ${full.timeline.length}`);
  const docTitles = await page.$$eval("ul.doclist a", (els) => els.map((e) => e.textContent));
  for (const d of full.document_list) assert(docTitles.includes(d.title || `document ${d.id}`), `document ${d.id} not listed`);
  await shot(page, "story");

  // Click through to the timeline's record with the most mentions.
  const rec = full.timeline.slice().sort((a, b) => b.mentions - a.mentions || a.id - b.id)[0];
  await page.click(`ol.timeline a[href="#/record/${rec.id}"]`);
  await settle(page);
  assert(page.url().endsWith(`#/record/${rec.id}`), `not on record ${rec.id}: ${page.url()}`);
  const view = await api(`records/${rec.id}`);
  const cards = await page.$$("article.mention");
  assert(cards.length === view.mention_list.length, `${cards.length} mention cards for ${view.mention_list.length} mentions`);
  const m = view.mention_list[0];
  const shown = await text(page, "article.mention blockquote.sentence");
  assert(shown === m.sentence.trim(), "the source sentence is not shown as stored");
  const ev = await page.$$eval("article.mention:first-of-type .hl-event", (els) => els.map((e) => e.textContent).join(""));
  const evidence = Buffer.from(m.sentence, "utf8").subarray(m.evidence.start, m.evidence.end).toString("utf8");
  assert(ev === evidence, `event words highlighted "${ev}", evidence is "${evidence}"`);
  if (m.source_spans.length) {
    const src = await page.$$eval("article.mention:first-of-type .hl-source", (els) => els.length);
    assert(src > 0, "source actor not highlighted");
  }
  await shot(page, "record");

  // And on to the source document, with the event marked in its text.
  await page.click("article.mention:first-of-type a.to-doc");
  await settle(page);
  assert(page.url().includes(`#/doc/${m.doc_id}`), `not on document ${m.doc_id}: ${page.url()}`);
  const doc = await api(`documents/${m.doc_id}`);
  assert((await text(page, "h1")) === (doc.title || `Document ${doc.id}`), "document title not shown");
  const reader = await text(page, ".reader");
  assert(reader.replace(/\s+/g, " ").includes(m.sentence.replace(/\s+/g, " ").trim()), "the sentence is not in the reader");
  const focus = await page.$$eval(".reader .hl-focus", (els) => els.map((e) => e.textContent).join(""));
  assert(focus === evidence, `the event is not marked in the document ("${focus}")`);
});

test("record with a contradiction", async (page) => {
  const list = (await api("contradictions")).items;
  assert(list.length > 0, "the examples have a contradiction; none returned");
  const c = list[0];
  await open(page, `/record/${c.record_id}`);
  const sides = await page.$$eval(".contradiction .side", (els) => els.map((e) => e.innerText));
  assert(sides.length === c.values.length, `${sides.length} sides for ${c.values.length} values`);
  for (const v of c.values) {
    assert(sides.some((s) => s.includes(v.outlet) && s.includes(String(v.value))), `value ${v.value} of ${v.outlet} not shown`);
  }
  await shot(page, "record-contradiction");
});

test("document reader", async (page) => {
  const docs = (await api("documents?limit=500")).items;
  // The document with the most coded events.
  let best = null;
  for (const d of docs) {
    const full = await api(`documents/${d.id}`);
    if (!best || full.events.length > best.events.length) best = full;
  }
  await open(page, `/doc/${best.id}`);
  const marks = await page.$$eval(".reader .hl-event", (els) => els.length);
  assert(marks >= 1, "no event highlighted");
  const ents = await page.$$eval(".reader .hl-person, .reader .hl-state, .reader .hl-org, .reader .hl-place, .reader .hl-entity", (els) => els.length);
  const mentions = best.actors.reduce((n, a) => n + a.mentions.length, 0);
  assert(mentions === 0 || ents > 0, "no entity highlighted");
  const rows = await page.$$eval("section.panel:last-of-type table.data tbody tr", (els) => els.length);
  assert(rows === best.events.length, `${rows} event rows for ${best.events.length} events`);
  await shot(page, "document");
  // Clicking an event's words opens its record.
  const withRecord = best.events.find((e) => e.record_id !== null);
  if (withRecord) {
    await page.click(`.reader a.hl-event[href="#/record/${withRecord.record_id}"]`);
    await settle(page);
    assert(page.url().endsWith(`#/record/${withRecord.record_id}`), "clicking an event did not open its record");
  }
});

test("dyad series", async (page) => {
  const top = (await api("dyads/top?limit=1")).items[0];
  const series = await api(`dyad?a=${encodeURIComponent(top.a)}&b=${encodeURIComponent(top.b)}&by=month&all=true`);
  await open(page, `/dyad/${encodeURIComponent(top.a)}/${encodeURIComponent(top.b)}?by=month&mode=class&all=1`);
  assert(series.total > 0, "top dyad has no series");
  await page.waitForSelector("#dyad-chart canvas");
  const lede = await text(page, "p.lede");
  assert(lede.startsWith(`${series.total} event records`), `lede "${lede}" does not give ${series.total} records`);
  const periods = new Set(series.rows.map((r) => r.period));
  const rows = await page.$$eval(".panel table.compact tbody tr", (els) => els.length);
  assert(rows === periods.size, `${rows} period rows for ${periods.size} periods`);
  const recs = await page.$$eval("section.panel:last-of-type table.data tbody tr", (els) => els.length);
  assert(recs === series.total, `${recs} records listed for a series of ${series.total}`);
  await shot(page, "dyad");
  await page.click("a.toggle:text-is('week')");
  await settle(page);
  await page.waitForSelector("#dyad-chart canvas");
  assert(page.url().includes("by=week"), "week toggle did not apply");
  await page.click("a.toggle:text-is('by PLOVER type')");
  await settle(page);
  await page.waitForSelector("#dyad-chart canvas");
  const legend = await page.$$eval(".u-legend .u-series .u-label", (els) => els.map((e) => e.textContent));
  const types = new Set(
    (await api(`dyad?a=${encodeURIComponent(top.a)}&b=${encodeURIComponent(top.b)}&by=week&all=true`)).rows.map((r) => r.plover),
  );
  for (const t of types) assert(legend.includes(t), `type ${t} missing from the legend`);
  await shot(page, "dyad-by-type");
});

test("actor", async (page) => {
  // The person with the most documents, for roles over time.
  const people = (await api("actors?kind=person&limit=500")).items.sort((a, b) => b.documents - a.documents);
  assert(people.length > 0, "no people in the examples store");
  const who = people[0];
  const detail = await api(`actors/${encodeURIComponent(who.actor_id)}`);
  await open(page, `/actor/${encodeURIComponent(who.actor_id)}`);
  assert((await text(page, "h1")) === detail.canonical, "actor name not shown");
  const headings = await page.$$eval("section.panel h2", (els) => els.map((e) => e.textContent));
  for (const h of ["Roles over time", "Counterparts"]) assert(headings.includes(h), `no ${h} section`);
  if (detail.roles.length) {
    const bars = await page.$$eval(".role-bar", (els) => els.length);
    assert(bars === detail.roles.filter((r) => r.first || r.last).length, "role bars do not match the roles");
  }
  const recLinks = await page.$$eval("section.panel:last-of-type a[href^='#/record/']", (els) => els.length);
  assert(recLinks === detail.timeline.length, `${recLinks} timeline rows for ${detail.timeline.length} records`);
  await shot(page, "actor");
  // A name from a record resolves to the actor.
  await open(page, `/actor/${encodeURIComponent(detail.canonical)}`);
  assert((await text(page, "h1")) === detail.canonical, "a name did not resolve to its actor");
});

test("network", async (page) => {
  const net = await api("network");
  assert(net.nodes.length >= 2 && net.edges.length >= 1, "network too small");
  await open(page, "/network");
  await page.waitForSelector("svg.network");
  const nodes = await page.$$eval("svg.network a.node", (els) => els.length);
  const edges = await page.$$eval("svg.network path.edge", (els) => els.length);
  assert(nodes === net.nodes.length, `${nodes} nodes drawn for ${net.nodes.length}`);
  assert(edges === net.edges.length, `${edges} edges drawn for ${net.edges.length}`);
  const colours = await page.$$eval("svg.network path.edge", (els) => new Set(els.map((e) => e.getAttribute("stroke"))).size);
  assert(colours >= 2 || edges < 2, "edges are not coloured by cooperation/conflict");
  await shot(page, "network");
  // Clicking a node opens the actor.
  const node = net.nodes.slice().sort((a, b) => b.records - a.records)[0];
  await page.click(`svg.network a.node[href="#/actor/${encodeURIComponent(node.id)}"] circle`);
  await settle(page);
  assert(page.url().includes(`#/actor/${encodeURIComponent(node.id)}`), `node click did not open the actor: ${page.url()}`);
  assert((await text(page, "h1")).length > 0, "actor page empty after a node click");
});

test("search", async (page) => {
  // The word of six letters or more found in most stored titles.
  const docs = (await api("documents?limit=500")).items;
  const counts = new Map();
  for (const d of docs) {
    for (const w of new Set((d.title || "").split(/[^A-Za-z]+/).filter((x) => x.length >= 6))) counts.set(w, (counts.get(w) || 0) + 1);
  }
  const word = [...counts].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0]?.[0];
  assert(word, "no title word to search");
  const hits = await api(`search?q=${encodeURIComponent(word)}`);
  assert(hits.total > 0, `the API finds nothing for ${word}`);
  await open(page, "/");
  await page.fill("#searchbox input", word);
  await page.press("#searchbox input", "Enter");
  await page.waitForSelector("ol.results li.result");
  await settle(page);
  const shown = await page.$$eval("ol.results li.result", (els) => els.length);
  assert(shown === Math.min(50, hits.items.length), `${shown} results shown for ${hits.items.length}`);
  const marks = await page.$$eval("ol.results mark", (els) => els.map((e) => e.textContent.toLowerCase()));
  assert(marks.some((m) => m.includes(word.toLowerCase().slice(0, 5))), "the matched words are not marked");
  await shot(page, "search");
});

test("lists: stories, records, actors, documents", async (page) => {
  for (const [route, path, name] of [
    ["/stories", "stories?limit=100", "stories"],
    ["/records", "records?limit=200", "records"],
    ["/actors", "actors?limit=200", "actors"],
    ["/documents", "documents?limit=100", "documents"],
  ]) {
    const body = await api(path);
    await open(page, route);
    const rows = await page.$$eval("table.data tbody tr", (els) => els.length);
    assert(rows === body.items.length, `${route}: ${rows} rows for ${body.items.length} items`);
    await shot(page, `list-${name}`);
  }
  // The modality filter of the records list.
  const future = await api("records?modality=future&limit=200");
  await open(page, "/records");
  await page.selectOption("form.filters select[name=modality]", "future");
  await page.click("form.filters button");
  await page.waitForFunction(() => location.hash.includes("modality=future"));
  await settle(page);
  const rows = await page.$$eval("table.data tbody tr", (els) => els.map((e) => e.innerText));
  assert(rows.length === future.items.length && rows.every((r) => r.includes("future")), "the modality filter did not apply");
});

test("routing: path deep link, unknown route, unknown record", async (page) => {
  // The server answers /story/ID with the app, which moves to #/story/ID.
  const story = (await api("stories?limit=1")).items[0];
  await page.goto(`${base}/story/${story.id}`);
  await settle(page);
  assert(page.url().endsWith(`/#/story/${story.id}`), `path not turned into a route: ${page.url()}`);
  assert((await text(page, "h1")) === story.title, "deep link did not show the story");
  await page.goto(`${base}/#/no/such/view`);
  await page.waitForSelector("h1");
  assert((await text(page, "h1")) === "Not found", "unknown route not reported");
  // A missing record shows an error box (the 404 is expected here).
  await page.goto(`${base}/#/record/999999999`);
  await page.waitForSelector("#app .error");
  return { allow: [/HTTP 404 .*\/api\/records\/999999999/, /status of 404/] };
});

// ---- the runner -------------------------------------------------------

async function main() {
  await waitForServer();
  const browser = await chromium.launch({ executablePath, headless: true, args: ["--disable-gpu", "--no-sandbox"] });
  let failed = 0;
  const started = Date.now();
  for (const t of tests) {
    if (only && !t.name.includes(only)) continue;
    const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, deviceScaleFactor: 1 });
    await context.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener("securitypolicyviolation", (e) => {
        window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile || ""}:${e.lineNumber || ""})`);
      });
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const problems = watch(page);
    const t0 = Date.now();
    try {
      const result = (await t.fn(page)) || {};
      const csp = await cspViolations(page).catch(() => []);
      const allow = result.allow || [];
      const left = [...problems, ...csp.map((c) => `CSP violation: ${c}`)].filter((p) => !allow.some((re) => re.test(p)));
      if (left.length) fail(left.join("\n    "));
      console.log(`ok    ${t.name} (${Date.now() - t0} ms)`);
    } catch (err) {
      failed += 1;
      console.log(`FAIL  ${t.name} (${Date.now() - t0} ms)\n    ${err.message}`);
      await page.screenshot({ path: join(shots, `FAILED-${t.name.replace(/[^a-z0-9]+/gi, "-")}.png`), fullPage: true }).catch(() => {});
    } finally {
      await context.close();
    }
  }
  await browser.close();
  const n = only ? tests.filter((t) => t.name.includes(only)).length : tests.length;
  console.log(`${n - failed} passed, ${failed} failed in ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in ${shots}`);
  process.exit(failed ? 1 : 0);
}

main().catch((err) => {
  console.error(err.stack || err.message);
  process.exit(1);
});
