// Regenerates shortest_node.txt: reads one double per line as 16 hex digits (its IEEE
// bits) on stdin and prints "<bits> <String(x)>". V8's Number.prototype.toString takes
// its shortest digits from the same double-conversion code as the Dart VM.
//   cut -d' ' -f1 shortest_node.txt | node node_to_string.js > shortest_node.txt.new
const lines = require('fs').readFileSync(0, 'utf8').split('\n').filter((l) => l.trim());
const view = new DataView(new ArrayBuffer(8));
const out = [];
for (const line of lines) {
  const hex = line.trim().split(/\s+/)[0];
  view.setBigUint64(0, BigInt('0x' + hex));
  out.push(`${hex} ${String(view.getFloat64(0))}`);
}
process.stdout.write(out.join('\n') + '\n');
