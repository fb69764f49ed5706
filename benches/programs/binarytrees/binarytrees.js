'use strict';
// Binary trees (the Computer Language Benchmarks Game algorithm): allocation of many
// short-lived small objects plus one long-lived tree.

class TreeNode {
  constructor(left, right) {
    this.left = left;
    this.right = right;
  }

  check() {
    const l = this.left;
    const r = this.right;
    if (l === null || r === null) return 1;
    return 1 + l.check() + r.check();
  }
}

function bottomUpTree(depth) {
  if (depth > 0) return new TreeNode(bottomUpTree(depth - 1), bottomUpTree(depth - 1));
  return new TreeNode(null, null);
}

const n = process.argv.length > 2 ? parseInt(process.argv[2], 10) : 16;
const minDepth = 4;
const maxDepth = n < minDepth + 2 ? minDepth + 2 : n;
let total = bottomUpTree(maxDepth + 1).check();
const longLived = bottomUpTree(maxDepth);
for (let depth = minDepth; depth <= maxDepth; depth += 2) {
  const iterations = 1 << (maxDepth - depth + minDepth);
  let check = 0;
  for (let i = 0; i < iterations; i++) check += bottomUpTree(depth).check();
  total += check;
}
total += longLived.check();
console.log(`binarytrees ${n} ${total}`);
