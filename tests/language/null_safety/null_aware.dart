// Null-aware operators: ?., ??, ??=, ?[], the ! operator, and null
// propagation through chains of nullable objects.

class Address {
  final String city;
  final String? zip;
  Address(this.city, [this.zip]);
}

class User {
  final String name;
  final Address? address;
  List<String>? tags;
  User(this.name, [this.address]);
}

String? lookup(Map<String, String> m, String key) => m[key];

void main() {
  var withAddr = User('ann', Address('Paris', '75001'));
  var noZip = User('bob', Address('Rome'));
  var homeless = User('cid');

  for (var u in [withAddr, noZip, homeless]) {
    var city = u.address?.city;
    var zip = u.address?.zip ?? 'no zip';
    var zipLen = u.address?.zip?.length;
    print('${u.name}: city=$city zip=$zip zipLen=$zipLen');
  }

  String? maybe;
  print(maybe ?? 'default');
  maybe ??= 'assigned';
  print(maybe);
  maybe ??= 'not assigned again';
  print(maybe);

  int? counter;
  counter = (counter ?? 0) + 1;
  counter = (counter ?? 0) + 1;
  print(counter);

  var cache = <String, int>{};
  int expensive(String k) {
    print('computing $k');
    return k.length;
  }

  for (var k in ['ab', 'abc', 'ab']) {
    var v = cache[k] ??= expensive(k);
    print('$k -> $v');
  }

  var m = {'a': 'apple'};
  print(lookup(m, 'a')?.toUpperCase());
  print(lookup(m, 'z')?.toUpperCase());
  print(lookup(m, 'a')!.length);

  List<int>? nums;
  print(nums?[0]);
  nums = [7, 8];
  print(nums?[1]);

  homeless.tags ??= [];
  homeless.tags!.add('new');
  print(homeless.tags);
  print(withAddr.tags?.length ?? -1);

  var chained = null ?? null ?? 'third';
  print(chained);

  Object? o = null;
  print(o?.toString());
  print(o.toString());
  print(null.hashCode == null.hashCode);
  print(o == null);
}
