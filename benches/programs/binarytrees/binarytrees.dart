// Binary trees (the Computer Language Benchmarks Game algorithm): allocation of many
// short-lived small objects plus one long-lived tree.

class TreeNode {
  final TreeNode? left;
  final TreeNode? right;
  TreeNode(this.left, this.right);

  int check() {
    final l = left;
    final r = right;
    if (l == null || r == null) return 1;
    return 1 + l.check() + r.check();
  }
}

TreeNode bottomUpTree(int depth) {
  if (depth > 0) {
    return TreeNode(bottomUpTree(depth - 1), bottomUpTree(depth - 1));
  }
  return TreeNode(null, null);
}

void main(List<String> args) {
  final n = args.isNotEmpty ? int.parse(args[0]) : 16;
  const minDepth = 4;
  final maxDepth = n < minDepth + 2 ? minDepth + 2 : n;
  int total = bottomUpTree(maxDepth + 1).check();
  final longLived = bottomUpTree(maxDepth);
  for (int depth = minDepth; depth <= maxDepth; depth += 2) {
    final iterations = 1 << (maxDepth - depth + minDepth);
    int check = 0;
    for (int i = 0; i < iterations; i++) {
      check += bottomUpTree(depth).check();
    }
    total += check;
  }
  total += longLived.check();
  print('binarytrees $n $total');
}
