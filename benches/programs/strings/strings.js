'use strict';
// Strings: building strings with concatenation and template literals, int-to-string
// conversion, split/join, case conversion, searching, substrings and replacement.
// All text is ASCII.

function hashString(s) {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) % 1000000007;
  return h;
}

const n = process.argv.length > 2 ? parseInt(process.argv[2], 10) : 100000;
let total = 0;
for (let i = 0; i < n; i++) {
  let sb = '';
  for (let j = 0; j < 8; j++) {
    sb += 'item';
    sb += String(i + j);
    sb += ',';
  }
  const s = sb;
  const parts = s.split(',');
  const joined = parts.join('-');
  const upper = joined.toUpperCase();
  const index = upper.indexOf(`ITEM${i + 5}`);
  const sub = joined.substring(3, 13);
  const replaced = joined.replaceAll('item', '#');
  const line = `n=${i} sub=${sub} len=${joined.length}`;
  const found = joined.includes(`m${i % 10}-`) ? 1 : 0;
  total = (total +
    parts.length +
    index +
    hashString(sub) +
    hashString(upper) % 1000 +
    replaced.length +
    line.length +
    found) % 1000000007;
}
console.log(`strings ${n} ${total}`);
