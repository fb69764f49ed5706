/* Binary trees (the Computer Language Benchmarks Game algorithm): allocation of many
 * short-lived small objects plus one long-lived tree. Plain malloc/free, no pools. */
#include <stdio.h>
#include <stdlib.h>

typedef struct TreeNode {
  struct TreeNode *left, *right;
} TreeNode;

static TreeNode *newNode(TreeNode *left, TreeNode *right) {
  TreeNode *t = malloc(sizeof(TreeNode));
  t->left = left;
  t->right = right;
  return t;
}

static TreeNode *bottomUpTree(int depth) {
  if (depth > 0) return newNode(bottomUpTree(depth - 1), bottomUpTree(depth - 1));
  return newNode(NULL, NULL);
}

static long check(const TreeNode *t) {
  if (t->left == NULL || t->right == NULL) return 1;
  return 1 + check(t->left) + check(t->right);
}

static void freeTree(TreeNode *t) {
  if (t->left) freeTree(t->left);
  if (t->right) freeTree(t->right);
  free(t);
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 16;
  int minDepth = 4;
  int maxDepth = n < minDepth + 2 ? minDepth + 2 : n;
  TreeNode *stretch = bottomUpTree(maxDepth + 1);
  long total = check(stretch);
  freeTree(stretch);
  TreeNode *longLived = bottomUpTree(maxDepth);
  for (int depth = minDepth; depth <= maxDepth; depth += 2) {
    long iterations = 1L << (maxDepth - depth + minDepth);
    long c = 0;
    for (long i = 0; i < iterations; i++) {
      TreeNode *t = bottomUpTree(depth);
      c += check(t);
      freeTree(t);
    }
    total += c;
  }
  total += check(longLived);
  freeTree(longLived);
  printf("binarytrees %d %ld\n", n, total);
  return 0;
}
