// Unit tests of the UI's pure helpers (node --test; no browser needed).
import { test } from "node:test";
import assert from "node:assert/strict";
import { byteToIndex } from "../src/spans.js";
import { allPeriods, periodTime } from "../src/chart.js";

// Byte offsets of a substring, computed the way the server does (UTF-8).
function bytesOf(text, sub) {
  const i = text.indexOf(sub);
  const enc = new TextEncoder();
  const start = enc.encode(text.slice(0, i)).length;
  return [start, start + enc.encode(sub).length];
}

test("byte spans map to string indices across multi-byte text", () => {
  const text = "MOSCOW (Wire) \u2014 Choe Son-hui met S\u00e9rgey Lavrov \ud83c\udf0d in \uc11c\uc6b8 on Tuesday.";
  const conv = byteToIndex(text);
  for (const sub of ["Choe Son-hui", "S\u00e9rgey Lavrov", "\uc11c\uc6b8", "Tuesday", "\ud83c\udf0d"]) {
    const [a, b] = bytesOf(text, sub);
    assert.equal(text.slice(conv(a), conv(b)), sub, sub);
  }
  // An offset inside a character falls back to the character's start.
  const [a] = bytesOf(text, "\u2014");
  assert.equal(conv(a + 1), conv(a));
  assert.equal(conv(new TextEncoder().encode(text).length), text.length);
});

test("every period between two, as the API labels them", () => {
  assert.deepEqual(allPeriods("2023-11", "2024-02", "month"), ["2023-11", "2023-12", "2024-01", "2024-02"]);
  assert.deepEqual(allPeriods("2024-02-26", "2024-03-11", "week"), ["2024-02-26", "2024-03-04", "2024-03-11"]);
  assert.deepEqual(allPeriods("2024-02-28", "2024-03-01", "day"), ["2024-02-28", "2024-02-29", "2024-03-01"]);
  assert.equal(allPeriods("1900-01-01", "2024-01-01", "day"), null);
  assert.equal(periodTime("2024-06"), Date.UTC(2024, 5, 1) / 1000);
  assert.equal(periodTime("junk"), null);
});
