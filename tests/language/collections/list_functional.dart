// gc-stress
// Functional-style list operations: map, where, fold, reduce, any, every,
// expand, take/skip, firstWhere with orElse, join and lazy iterables.

class Order {
  final String customer;
  final String product;
  final int quantity;
  final double unitPrice;
  Order(this.customer, this.product, this.quantity, this.unitPrice);
  double get total => quantity * unitPrice;
}

void main() {
  var nums = [5, 3, 8, 1, 9, 2, 7];
  print(nums.map((n) => n * 2).toList());
  print(nums.where((n) => n > 4).toList());
  print(nums.where((n) => n.isEven).map((n) => n * n).toList());
  print(nums.fold(0, (sum, n) => sum + n));
  print(nums.fold<int>(1, (p, n) => p * n));
  print(nums.reduce((a, b) => a > b ? a : b));
  print(nums.reduce((a, b) => a < b ? a : b));
  print(nums.any((n) => n > 8));
  print(nums.every((n) => n > 0));
  print(nums.every((n) => n.isOdd));
  print(nums.firstWhere((n) => n > 6));
  print(nums.lastWhere((n) => n < 3));
  print(nums.firstWhere((n) => n > 100, orElse: () => -1));
  print(nums.take(3).toList());
  print(nums.skip(4).toList());
  print(nums.map((n) => n.toString()).join('-'));
  print([
    [1, 2],
    [3],
    [4, 5, 6]
  ].expand((l) => l).toList());
  print([1, 2, 3].expand((n) => [n, n * 10]).toList());
  print(nums.where((n) => n > 100).isEmpty);
  print(nums.map((n) => n % 3).toSet().toList());

  var lazy = nums.map((n) {
    print('  mapping $n');
    return n + 100;
  });
  print('lazy created');
  print(lazy.first);
  print(lazy.take(2).toList());

  print(nums.map((n) => n * 3));
  print(nums.where((n) => n.isOdd));

  var orders = [
    Order('ann', 'pen', 3, 1.5),
    Order('bob', 'book', 1, 12.0),
    Order('ann', 'book', 2, 12.0),
    Order('cid', 'pen', 10, 1.5),
    Order('bob', 'ink', 4, 2.25),
  ];
  var revenue = orders.fold(0.0, (sum, o) => sum + o.total);
  print('revenue: $revenue');
  var annSpent = orders
      .where((o) => o.customer == 'ann')
      .map((o) => o.total)
      .reduce((a, b) => a + b);
  print('ann spent: $annSpent');
  var bigOrders = orders.where((o) => o.total >= 10).map((o) => '${o.customer}/${o.product}');
  print(bigOrders.toList());
  var pensSold = orders.where((o) => o.product == 'pen').fold<int>(0, (s, o) => s + o.quantity);
  print('pens sold: $pensSold');
  print(orders.any((o) => o.quantity > 5));
}
